namespace MixFleet.Reports.Tracks;

/// <summary>Clipped sample runs, inter-sample overs and DC offset.</summary>
public sealed record ClippingReport
{
    /// <summary>Runs of ≥ 3 full-scale samples, all channels.</summary>
    public long ClippedRuns { get; init; }

    /// <summary>Longest run, samples.</summary>
    public long LongestRunSamples { get; init; }

    /// <summary>The first 100 runs in time order.</summary>
    public required IReadOnlyList<ClippedRunReport> Runs { get; init; }

    /// <summary>Oversampled values above 0 dBTP.</summary>
    public long InterSampleOvers { get; init; }

    /// <summary>DC offset per channel, linear full scale.</summary>
    public required IReadOnlyList<double> DcOffset { get; init; }
}
