namespace MixFleet.Jobs.Store;

/// <summary>A job's row: what it covers, its state and its counters.</summary>
public sealed record JobSummary
{
    /// <summary>The job.</summary>
    public required Guid JobId { get; init; }

    /// <summary><c>scan</c> or <c>events</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>listing</c>, <c>running</c> or <c>completed</c>.</summary>
    public required string State { get; init; }

    /// <summary>Source bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>The prefix scanned (empty for events).</summary>
    public required string Prefix { get; init; }

    /// <summary>QC profile.</summary>
    public required string Profile { get; init; }

    /// <summary>When the job was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it completed, if it has.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Listing pages recorded (scans).</summary>
    public int PagesListed { get; init; }

    /// <summary>Tracks found so far.</summary>
    public int Total { get; init; }

    /// <summary>Tracks analyzed (a current report without an error).</summary>
    public int Analyzed { get; init; }

    /// <summary>Tracks that can never be analyzed (a failure report, or a refused key).</summary>
    public int Failed { get; init; }

    /// <summary>Albums of the job.</summary>
    /// <summary>Tracks whose command ended in a worker's error queue (a dependency outage), waiting for a redrive or a give-up.</summary>
    public int FailedTransient { get; init; }

    public int AlbumsTotal { get; init; }

    /// <summary>Albums whose report is written.</summary>
    public int AlbumsReported { get; init; }
}
