using System.Globalization;
using System.Text.RegularExpressions;

namespace MixFleet.Reports.Albums;

/// <summary>
/// Reads a track's position: the track-number tag first (<c>3</c>, <c>03</c>, <c>3/12</c>), else the file name
/// (<c>01 - Title.wav</c>, <c>1-01 Title.flac</c> = disc 1 track 1, <c>A1 Title.wav</c> = side A track 1).
/// </summary>
public static partial class TrackNumbering
{
    /// <summary>The position of a track from its tag and file name.</summary>
    public static TrackPosition Parse(string? trackNumberTag, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fromName = FromFileName(Path.GetFileNameWithoutExtension(path));
        if (trackNumberTag is { } tag && TagNumber().Match(tag.Trim()) is { Success: true } t)
        {
            // The tag holds the number only; a disc or side read from the name still places it.
            return new TrackPosition { Disc = fromName.Disc, Side = fromName.Side, Number = Int(t.Groups[1].Value), Source = NumberSource.Tag };
        }

        return fromName;
    }

    /// <summary>The position stated by a file name (without extension), or <see cref="TrackPosition.Unnumbered"/>.</summary>
    public static TrackPosition FromFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (DiscTrack().Match(name) is { Success: true } d)
        {
            return new TrackPosition { Disc = Int(d.Groups[1].Value), Number = Int(d.Groups[2].Value), Source = NumberSource.FileName };
        }

        if (SideTrack().Match(name) is { Success: true } s)
        {
            return new TrackPosition { Side = s.Groups[1].Value.ToUpperInvariant(), Number = Int(s.Groups[2].Value), Source = NumberSource.FileName };
        }

        if (PlainTrack().Match(name) is { Success: true } p)
        {
            return new TrackPosition { Number = Int(p.Groups[1].Value), Source = NumberSource.FileName };
        }

        return TrackPosition.Unnumbered;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // "3", "03", "3/12", "03 of 12".
    [GeneratedRegex(@"^0*(\d{1,3})\s*(?:(?:/|of)\s*\d+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagNumber();

    // "1-01 Title", "2-13_Title": disc, dash, a track number of two or three digits.
    [GeneratedRegex(@"^(\d{1,2})-(\d{2,3})(?:$|[\s._-])", RegexOptions.CultureInvariant)]
    private static partial Regex DiscTrack();

    // "A1 Title", "b2-Title": a vinyl side letter then the number on that side.
    [GeneratedRegex(@"^([A-Ha-h])(\d{1,2})(?:$|[\s._-])", RegexOptions.CultureInvariant)]
    private static partial Regex SideTrack();

    // "01 - Title", "1. Title", "07_Title", "Track 03".
    [GeneratedRegex(@"^(?:track\s*)?(\d{1,3})(?:$|[\s._-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlainTrack();
}
