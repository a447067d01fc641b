namespace MixFleet.Reports.Tracks;

/// <summary>Descriptive tags; absent tags are null.</summary>
public sealed record TagsReport
{
    /// <summary>Track title.</summary>
    public string? Title { get; init; }

    /// <summary>Track artist.</summary>
    public string? Artist { get; init; }

    /// <summary>Album title.</summary>
    public string? Album { get; init; }

    /// <summary>Album artist.</summary>
    public string? AlbumArtist { get; init; }

    /// <summary>Track number as stored.</summary>
    public string? TrackNumber { get; init; }

    /// <summary>ISRC as stored.</summary>
    public string? Isrc { get; init; }
}
