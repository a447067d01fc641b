namespace MixFleet.Analysis.Clipping;

/// <summary>Clipped sample runs, inter-sample overs and DC offset of a track.</summary>
public sealed record ClippingResult
{
    /// <summary>Clipped runs over all channels (each channel counts its own runs).</summary>
    public required long ClippedRuns { get; init; }

    /// <summary>Longest clipped run in samples (0 when none).</summary>
    public required long LongestRunSamples { get; init; }

    /// <summary>The first <see cref="ClippingMetric.MaxPositions"/> runs in time order.</summary>
    public required IReadOnlyList<ClippedRun> Runs { get; init; }

    /// <summary>Oversampled (BS.1770-4 Annex 2 interpolator) values above 0 dBTP, over all channels.</summary>
    public long InterSampleOvers { get; init; }

    /// <summary>Mean of each channel's samples (DC offset), linear full scale.</summary>
    public required IReadOnlyList<double> DcOffset { get; init; }
}
