namespace MixFleet.Reports.Tracks;

/// <summary>Stereo image of a two-channel track.</summary>
public sealed record StereoReport
{
    /// <summary>L/R correlation over the track, -1…1.</summary>
    public double? Correlation { get; init; }

    /// <summary>Lowest correlation of any 3 s window.</summary>
    public double? WorstWindowCorrelation { get; init; }

    /// <summary>Start of that window, seconds.</summary>
    public double? WorstWindowStartSeconds { get; init; }

    /// <summary>Side-to-mid energy ratio, dB.</summary>
    public double? WidthDb { get; init; }

    /// <summary>Loudness lost when folded to mono, LU.</summary>
    public double? MonoFoldDownLossDb { get; init; }

    /// <summary>Left over right energy, dB (positive leans left).</summary>
    public double? BalanceDb { get; init; }

    /// <summary>Polarity or phase trouble.</summary>
    public bool PhaseTrouble { get; init; }
}
