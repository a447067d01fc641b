namespace MixFleet.Analysis.Dynamics;

/// <summary>A track's dynamics: DR score, crest factor, peak-to-loudness ratio and a short-term loudness series.</summary>
public sealed record DynamicsResult
{
    /// <summary>DR score (mean of the channels' DR values, rounded); null for silence.</summary>
    public int? DrScore { get; init; }

    /// <summary>Unrounded DR of each channel in dB; null for a silent channel.</summary>
    public required IReadOnlyList<double?> ChannelDr { get; init; }

    /// <summary>Crest factor in dB: sample peak over RMS of all samples of all channels; null for silence.</summary>
    public double? CrestFactorDb { get; init; }

    /// <summary>Peak-to-loudness ratio (true peak dBTP minus integrated LUFS); null when either is undefined.</summary>
    public double? PeakToLoudnessRatioDb { get; init; }

    /// <summary>
    /// Short-term (3 s) loudness every <see cref="ShortTermStepSeconds"/> seconds (once per second up to 30 minutes, at
    /// most <see cref="Loudness.ShortTermSeries.MaxPoints"/> points), LUFS: entry i is the window ending at 3 + i·step
    /// seconds; null where the window is digital silence. Empty for tracks shorter than 3 s.
    /// </summary>
    public IReadOnlyList<double?> ShortTermLufsPerSecond { get; init; } = [];

    /// <summary>Seconds between entries of <see cref="ShortTermLufsPerSecond"/> (1 up to 30 minutes).</summary>
    public int ShortTermStepSeconds { get; init; } = 1;
}
