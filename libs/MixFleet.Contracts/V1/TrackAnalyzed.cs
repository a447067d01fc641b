namespace MixFleet.Contracts.V1;

/// <summary>Event: a track report was written (or already existed for the same ETag and analyzer version).</summary>
public sealed record TrackAnalyzed
{
    /// <summary>The job.</summary>
    public required Guid JobId { get; init; }

    /// <summary>The audio object analyzed.</summary>
    public required ObjectRef Source { get; init; }

    /// <summary>The album prefix.</summary>
    public required string AlbumKey { get; init; }

    /// <summary>QC profile name.</summary>
    public required string Profile { get; init; }

    /// <summary>Where the track report lives (same bucket as the reports store).</summary>
    public required string ReportKey { get; init; }

    /// <summary>Engine version that wrote the report.</summary>
    public required string AnalyzerVersion { get; init; }

    /// <summary>
    /// The ETag of the content the report was measured from (the object's at analysis time; <see cref="Source"/> keeps
    /// the ETag the command asked for). Null when the object no longer exists.
    /// </summary>
    public string? AnalyzedETag { get; init; }

    /// <summary>True when an existing report was reused instead of analyzing again.</summary>
    public bool Reused { get; init; }
}
