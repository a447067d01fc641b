namespace MixFleet.Analysis.Peaks;

/// <summary>A chunk's peaks per channel, and its last samples so the merge can flush the interpolator at the track's end.</summary>
/// <param name="SamplePeaks">Largest |x| per channel.</param>
/// <param name="TruePeaks">Largest interpolated |x| per channel (at least the sample peak; or the largest of the track's chunks measured before, when higher: only the maximum over chunks is meaningful).</param>
/// <param name="Overs">Interpolated values above full scale per channel (inter-sample overs at the oversampled rate).</param>
/// <param name="Tail">The chunk's last <see cref="ITruePeakKernel.History"/> samples per channel (pre-roll included when the chunk is shorter).</param>
public sealed record PeakPartial(float[] SamplePeaks, float[] TruePeaks, long[] Overs, float[][] Tail)
{
    /// <summary>Runs of 10 ms segments over the over ceiling, per channel in time order (chunks start on segment boundaries, so the merge only joins neighbours).</summary>
    public IReadOnlyList<OverRun> OverRuns { get; init; } = [];
}
