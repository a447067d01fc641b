using MixFleet.Analysis.Dsp;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Peaks;

namespace MixFleet.Analysis.Clipping;

/// <summary>
/// Clipping as a chunk metric: runs of at least <see cref="MinRunSamples"/> consecutive samples with
/// |x| ≥ <see cref="FullScale"/> (per channel; runs crossing a chunk boundary are joined in the merge) and DC offset.
/// Inter-sample overs are counted by the true-peak interpolator as it runs (<see cref="PeakMetric"/>) and filled in by
/// <see cref="TrackMetrics"/>.
/// </summary>
/// <remarks>
/// <see cref="FullScale"/> is one 16-bit step below 1.0 (32767/32768), so the largest positive code of 16- and 24-bit
/// PCM and anything beyond counts; a 24-bit mix peaking between -0.0003 dBFS and 0 dBFS counts too, which is clipping
/// in practice. Three samples is the run length common clip detectors use: a single full-scale sample is often a
/// legitimate peak.
/// </remarks>
public sealed class ClippingMetric(int sampleRate) : IChunkMetric<ClippingPartial, ClippingResult>
{
    /// <summary>Smallest |x| that counts as full scale.</summary>
    public const float FullScale = 32767f / 32768f;

    /// <summary>Shortest run reported as clipping.</summary>
    public const int MinRunSamples = 3;

    /// <summary>Most runs listed with their position.</summary>
    public const int MaxPositions = 100;

    private const int Block = 256;

    /// <inheritdoc />
    public ClippingPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var runs = new RunPartial[chunk.Channels];
        var sums = new double[chunk.Channels];
        var blocks = (chunk.Frames + Block - 1) / Block;
        var peaks = new float[2][];
        peaks[0] = new float[blocks];
        peaks[1] = new float[blocks];

        // Channels two at a time: the DC sums and the block peaks in one pass, then the runs where a block reaches full scale.
        for (var c = 0; c < chunk.Channels; c += 2)
        {
            var x = chunk.Samples(c);
            var y = c + 1 < chunk.Channels ? chunk.Samples(c + 1) : x;
            (sums[c], var other) = PairSums.SumsAndBlockPeaks(x, y, Block, peaks[0], peaks[1]);
            runs[c] = Runs(x, chunk.StartFrame, peaks[0]);
            if (c + 1 < chunk.Channels)
            {
                sums[c + 1] = other;
                runs[c + 1] = Runs(y, chunk.StartFrame, peaks[1]);
            }
        }

        return new ClippingPartial(runs, sums, chunk.Frames);
    }

    /// <inheritdoc />
    public ClippingResult Merge(IReadOnlyList<ClippingPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        var channels = partials.Count == 0 ? 0 : partials[0].Runs.Length;
        var frames = partials.Sum(p => (long)p.Frames);
        long count = 0;
        long longest = 0;
        var positions = new List<ClippedRun>();
        var dc = new double[channels];
        for (var c = 0; c < channels; c++)
        {
            var runs = RunJoiner.Join(partials.Select(p => p.Runs[c]), MinRunSamples);
            count += runs.Count;
            longest = Math.Max(longest, runs.Count == 0 ? 0 : runs.Max(r => r.Length));
            positions.AddRange(runs.Take(MaxPositions).Select(r => new ClippedRun(c, (double)r.Start / sampleRate, r.Length)));
            dc[c] = frames > 0 ? partials.Sum(p => p.Sums[c]) / frames : 0;
        }

        return new ClippingResult
        {
            ClippedRuns = count,
            LongestRunSamples = longest,
            Runs = [.. positions.OrderBy(r => r.StartSeconds).ThenBy(r => r.Channel).Take(MaxPositions)],
            DcOffset = dc,
        };
    }

    private static RunPartial Runs(ReadOnlySpan<float> x, long startFrame, float[] blockPeaks)
    {
        var builder = new RunBuilder(startFrame, x.Length, MinRunSamples);
        var runStart = -1;
        var i = 0;
        while (i < x.Length)
        {
            // Skip whole blocks below full scale: the common case.
            if (runStart < 0 && (i % Block) == 0 && blockPeaks[i / Block] < FullScale)
            {
                i += Block;
                continue;
            }

            var clipped = MathF.Abs(x[i]) >= FullScale;
            if (clipped && runStart < 0)
            {
                runStart = i;
            }
            else if (!clipped && runStart >= 0)
            {
                builder.Add(runStart, i - runStart);
                runStart = -1;
            }

            i++;
        }

        if (runStart >= 0)
        {
            builder.Add(runStart, x.Length - runStart);
        }

        return builder.Build();
    }
}
