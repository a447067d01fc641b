namespace MixFleet.Reports.Albums;

/// <summary>The album-level tags found on the tracks.</summary>
public sealed record AlbumMetadataReport
{
    /// <summary>Distinct album titles.</summary>
    public required IReadOnlyList<string> AlbumTitles { get; init; }

    /// <summary>Distinct album artists.</summary>
    public required IReadOnlyList<string> AlbumArtists { get; init; }

    /// <summary>Tracks that carry an ISRC.</summary>
    public required int TracksWithIsrc { get; init; }
}
