namespace MixFleet.Analysis.Stereo;

/// <summary>Stereo image of a two-channel track.</summary>
public sealed record StereoResult
{
    /// <summary>Pearson-style correlation ΣLR / sqrt(ΣL²·ΣR²) over the track (zero-mean not enforced: audio is); null when a channel is silent.</summary>
    public double? Correlation { get; init; }

    /// <summary>Lowest correlation of any 3 s window (100 ms hop) whose channels are both above -70 dBFS RMS; null when none is.</summary>
    public double? WorstWindowCorrelation { get; init; }

    /// <summary>Start of that window, in seconds.</summary>
    public double? WorstWindowStartSeconds { get; init; }

    /// <summary>Width: side-to-mid energy ratio 10·log10(ΣS²/ΣM²), M = (L+R)/2, S = (L−R)/2; null when either is zero.</summary>
    public double? WidthDb { get; init; }

    /// <summary>Integrated loudness of the mono fold-down (L+R)/2 played on both speakers, LUFS; null when it is silent or undefined.</summary>
    public double? MonoFoldDownLufs { get; init; }

    /// <summary>Stereo integrated loudness minus the fold-down's, LU (0 for identical channels, ≈3 for uncorrelated); null when either is undefined.</summary>
    public double? MonoFoldDownLossDb { get; init; }

    /// <summary>Balance 10·log10(ΣL²/ΣR²): positive leans left; null when a channel is silent.</summary>
    public double? BalanceDb { get; init; }

    /// <summary>
    /// Polarity or phase trouble: overall correlation below <see cref="StereoMetric.PhaseTroubleCorrelation"/>, a 3 s window below <see cref="StereoMetric.PhaseTroubleWindowCorrelation"/>,
    /// or a fold-down that cancels to silence while the stereo signal is not silent.
    /// </summary>
    public required bool PhaseTrouble { get; init; }
}
