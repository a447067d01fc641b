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
        return new LoudnessPartial(accumulator.CompletedSegments.ToArray());
    }

    /// <inheritdoc />
    public LoudnessResult Merge(IReadOnlyList<LoudnessPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        var segments = new double[partials.Sum(p => p.Segments.Length)];
        var offset = 0;
        foreach (var partial in partials)
        {
            partial.Segments.CopyTo(segments, offset);
            offset += partial.Segments.Length;
        }

        return LoudnessCalculator.Compute(segments, sampleRate);
    }
}
