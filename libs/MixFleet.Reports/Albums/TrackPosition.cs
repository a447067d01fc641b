namespace MixFleet.Reports.Albums;

/// <summary>Where a track sits on its album: disc or vinyl side, and number; read from tags or the file name.</summary>
public sealed record TrackPosition
{
    /// <summary>A track with no number anywhere.</summary>
    public static TrackPosition Unnumbered { get; } = new() { Source = NumberSource.None };

    /// <summary>Disc number (<c>1-01 Title.flac</c>), when stated.</summary>
    public int? Disc { get; init; }

    /// <summary>Vinyl side letter (<c>A1 Title.wav</c>), when stated.</summary>
    public string? Side { get; init; }

    /// <summary>Track number on its disc or side; null when unnumbered.</summary>
    public int? Number { get; init; }

    /// <summary>Where the number came from.</summary>
    public required NumberSource Source { get; init; }

    /// <summary>The label a listener reads: <c>3</c>, <c>2-03</c>, <c>B1</c>, or empty.</summary>
    public string Label => Number is not { } n
        ? string.Empty
        : Side is { } s ? $"{s}{n}" : Disc is { } d ? $"{d}-{n:00}" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
