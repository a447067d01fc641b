using MixFleet.Analysis.Engine;

namespace MixFleet.Analysis.Loudness;

/// <summary>
/// BS.1770 loudness as a chunk metric: each chunk yields its 10 ms segment energies (K-weighting primed over the
/// pre-roll); the merge concatenates them and rebuilds every window with <see cref="LoudnessCalculator"/>.
/// </summary>
public sealed class LoudnessMetric(int sampleRate, IReadOnlyList<double> channelWeights) : IChunkMetric<LoudnessPartial, LoudnessResult>
{
    /// <inheritdoc />
    public LoudnessPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var accumulator = new LoudnessAccumulator(sampleRate, channelWeights, chunk.StartFrame);
        accumulator.Process(chunk);
        return new LoudnessPartial(accumulator.CompletedSegments.ToArray(), accumulator.CompletedFoldDownSegments.ToArray());
    }

    /// <inheritdoc />
    public LoudnessResult Merge(IReadOnlyList<LoudnessPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        return LoudnessCalculator.Compute(Concat(partials, p => p.Segments), sampleRate);
    }

    /// <summary>
    /// Integrated loudness of a stereo track folded to mono, (L+R)/2 on both speakers, from the cross terms the chunks
    /// kept (K-weighting is linear: no second filter pass); null for other channel counts or when undefined.
    /// </summary>
    public double? FoldDownLufs(IReadOnlyList<LoudnessPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0 || partials[0].FoldDownSegments.Length != partials[0].Segments.Length)
        {
            return null;
        }

        var segments = Concat(partials, p => p.FoldDownSegments);
        return Gating.IntegratedLufs(LoudnessCalculator.Windows(segments, sampleRate, LoudnessCalculator.BlockSegments, LoudnessCalculator.BlockHopSegments));
    }

    private static double[] Concat(IReadOnlyList<LoudnessPartial> partials, Func<LoudnessPartial, double[]> select)
    {
        var all = new double[partials.Sum(p => select(p).Length)];
        var offset = 0;
        foreach (var partial in partials)
        {
            select(partial).CopyTo(all, offset);
            offset += select(partial).Length;
        }

        return all;
    }
}
