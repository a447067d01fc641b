namespace MixFleet.Analysis.Peaks;

/// <summary>The hot loop of a true-peak meter: the largest reconstructed |x| of a run of samples.</summary>
public interface ITruePeakKernel
{
    /// <summary>Samples of context the kernel needs before the first sample it is credited with (see <see cref="Measure"/>).</summary>
    int History { get; }

    /// <summary>Points per sample on the grid the kernel evaluates (the grid its overs are counted on).</summary>
    int Oversampling { get; }

    /// <summary>
    /// The maximum of <paramref name="floor"/> and every reconstructed value whose newest input is
    /// <paramref name="signal"/>[<see cref="History"/>] or later, and how many of those values exceed full scale
    /// (inter-sample overs, counted on the kernel's grid). The first <see cref="History"/> samples are context only,
    /// so consecutive calls over overlapping spans credit every value exactly once.
    /// </summary>
    (float Max, long Overs) Measure(ReadOnlySpan<float> signal, float floor);
}
