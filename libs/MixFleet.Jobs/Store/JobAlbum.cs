namespace MixFleet.Jobs.Store;

/// <summary>One album of a job as the dashboard shows it: its progress and, once written, its QC status and report.</summary>
public sealed record JobAlbum
{
    /// <summary>The album prefix (empty for the bucket's root).</summary>
    public required string AlbumKey { get; init; }

    /// <summary>Source bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>Tracks found so far.</summary>
    public int Expected { get; init; }

    /// <summary>Tracks settled (analyzed or failed).</summary>
    public int Settled { get; init; }

    /// <summary>Tracks that could not be analyzed.</summary>
    public int Failed { get; init; }

    /// <summary><c>pending</c>, <c>claimed</c> or <c>written</c>.</summary>
    public required string Aggregation { get; init; }

    /// <summary><c>pass</c>, <c>warn</c>, <c>fail</c> (or <c>none</c>: no report readable) once written; else null.</summary>
    public string? QcStatus { get; init; }

    /// <summary>The album report's JSON key once written.</summary>
    public string? ReportKey { get; init; }
}
