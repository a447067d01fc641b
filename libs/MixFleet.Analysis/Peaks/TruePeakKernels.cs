namespace MixFleet.Analysis.Peaks;

/// <summary>Creates the true-peak kernel of a mode.</summary>
public static class TruePeakKernels
{
    /// <summary>The kernel for <paramref name="mode"/> at <paramref name="sampleRate"/>.</summary>
    public static ITruePeakKernel For(TruePeakMode mode, int sampleRate) => mode switch
    {
        TruePeakMode.Bs1770 => new TruePeakInterpolator(sampleRate),
        TruePeakMode.Reconstruction => new TruePeakReconstructor(),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown true-peak mode."),
    };

    /// <summary>The most history any kernel needs: the chunk pre-roll must be at least this long.</summary>
    public const int MaxHistory = TruePeakReconstructor.HistorySamples;
}
