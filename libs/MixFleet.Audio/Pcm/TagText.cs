using System.Text;

namespace MixFleet.Audio.Pcm;

/// <summary>Decodes the 8-bit text of RIFF INFO, BWF and AIFF text chunks.</summary>
internal static class TagText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Text up to the first NUL, as UTF-8 when it is valid UTF-8 (modern writers) and ISO-8859-1 otherwise;
    /// trimmed, null when empty.
    /// </summary>
    public static string? Decode8Bit(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            bytes = bytes[..nul];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }

        return Clean(text);
    }

    /// <summary>Trimmed text, null when empty.</summary>
    public static string? Clean(string text)
    {
        var trimmed = text.Trim().TrimEnd('\0').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>Fills the fields of <paramref name="primary"/> that are null from <paramref name="fallback"/>.</summary>
    public static AudioTags Merge(AudioTags primary, AudioTags fallback) => new()
    {
        Title = primary.Title ?? fallback.Title,
        Artist = primary.Artist ?? fallback.Artist,
        Album = primary.Album ?? fallback.Album,
        AlbumArtist = primary.AlbumArtist ?? fallback.AlbumArtist,
        TrackNumber = primary.TrackNumber ?? fallback.TrackNumber,
        DiscNumber = primary.DiscNumber ?? fallback.DiscNumber,
        Isrc = primary.Isrc ?? fallback.Isrc,
        Description = primary.Description ?? fallback.Description,
        Originator = primary.Originator ?? fallback.Originator,
    };
}
