namespace MixFleet.Reports.Tracks;

/// <summary>Dynamics: PLR, crest factor, DR score and a short-term loudness series for plots.</summary>
public sealed record DynamicsReport
{
    /// <summary>True peak minus integrated loudness, dB.</summary>
    public double? PeakToLoudnessRatioDb { get; init; }

    /// <summary>Sample peak over RMS, dB.</summary>
    public double? CrestFactorDb { get; init; }

    /// <summary>DR score (common DR-meter definition), rounded mean of the channels.</summary>
    public int? DrScore { get; init; }

    /// <summary>Unrounded DR per channel, dB.</summary>
    public required IReadOnlyList<double?> ChannelDr { get; init; }

    /// <summary>Short-term loudness every <see cref="ShortTermStepSeconds"/> s (entry i: the 3 s window ending at 3 + i·step s), LUFS.</summary>
    public required IReadOnlyList<double?> ShortTermLufsPerSecond { get; init; }

    /// <summary>Seconds between entries: 1 up to 30 minutes, then longer so the series keeps at most 1,800 points.</summary>
    public int ShortTermStepSeconds { get; init; } = 1;
}
