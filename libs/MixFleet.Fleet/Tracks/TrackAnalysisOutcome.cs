using MixFleet.Reports.Tracks;

namespace MixFleet.Fleet.Tracks;

/// <summary>What <see cref="TrackAnalysisUseCase"/> did with one object.</summary>
public sealed record TrackAnalysisOutcome
{
    /// <summary>Key of the track report in the reports bucket.</summary>
    public required string ReportKey { get; init; }

    /// <summary>Engine version of the report.</summary>
    public required string AnalyzerVersion { get; init; }

    /// <summary>The ETag of the content the report was measured from; null when the object does not exist.</summary>
    public string? AnalyzedETag { get; init; }

    /// <summary>True when a report for the same ETag and analyzer version existed and was kept.</summary>
    public bool Reused { get; init; }

    /// <summary>Why the object can never be analyzed; null when it was analyzed.</summary>
    public ErrorReport? Error { get; init; }

    /// <summary>True when the report is a failure report.</summary>
    public bool Failed => Error is not null;
}
