namespace MixFleet.Contracts.V1;

/// <summary>Event: a track can never be analyzed (corrupt, unsupported); its report carries the error. Not retried.</summary>
public sealed record TrackFailed
{
    /// <summary>The job.</summary>
    public required Guid JobId { get; init; }

    /// <summary>The audio object.</summary>
    public required ObjectRef Source { get; init; }

    /// <summary>The album prefix.</summary>
    public required string AlbumKey { get; init; }

    /// <summary>QC profile name.</summary>
    public required string Profile { get; init; }

    /// <summary>Where the failure report lives.</summary>
    public required string ReportKey { get; init; }

    /// <summary>
    /// The ETag of the content the report was measured from (the object's at analysis time; <see cref="Source"/> keeps
    /// the ETag the command asked for). Null when the object no longer exists.
    /// </summary>
    public string? AnalyzedETag { get; init; }

    /// <summary>Stable error code (docs/decoder-errors.md).</summary>
    public required string ErrorCode { get; init; }

    /// <summary>Human message naming the object and the fault.</summary>
    public required string ErrorMessage { get; init; }
}
