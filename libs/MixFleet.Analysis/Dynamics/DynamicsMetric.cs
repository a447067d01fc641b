using MixFleet.Analysis.Dsp;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Peaks;

namespace MixFleet.Analysis.Dynamics;

/// <summary>
/// DR score and crest factor as a chunk metric. Blocks of 3 s sit on a global grid (block b covers track frames
/// [b·3·fs, (b+1)·3·fs)); each chunk adds Σx² and max |x| of the part of every block it overlaps, the merge adds them.
/// </summary>
/// <remarks>
/// A final block shorter than 3 s counts only when it is at least 1 s long or is the track's only block (the
/// TT DR meter drops a short tail block; a sub-second tail would weigh a fade-out as much as a full block).
/// PLR and the short-term series are filled in by <see cref="TrackMetrics"/> from the loudness and peak results.
/// </remarks>
public sealed class DynamicsMetric(int sampleRate) : IChunkMetric<DynamicsPartial, DynamicsResult>
{
    /// <summary>Block length in seconds.</summary>
    public const int BlockSeconds = 3;

    private readonly long _blockFrames = (long)BlockSeconds * sampleRate;

    /// <inheritdoc />
    public DynamicsPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var first = chunk.StartFrame / _blockFrames;
        var last = chunk.Frames == 0 ? first : (chunk.StartFrame + chunk.Frames - 1) / _blockFrames;
        var count = (int)(last - first + 1);
        var squares = new double[chunk.Channels][];
        var peaks = new float[chunk.Channels][];
        for (var c = 0; c < chunk.Channels; c++)
        {
            squares[c] = new double[count];
            peaks[c] = new float[count];
        }

        // Channels two at a time: one pass keeps both channels' sums going side by side.
        for (var c = 0; c < chunk.Channels; c += 2)
        {
            var x = chunk.Samples(c);
            var y = c + 1 < chunk.Channels ? chunk.Samples(c + 1) : default;
            for (var b = 0; b < count; b++)
            {
                var from = (int)Math.Max(0, ((first + b) * _blockFrames) - chunk.StartFrame);
                var to = (int)Math.Min(chunk.Frames, ((first + b + 1) * _blockFrames) - chunk.StartFrame);
                if (y.IsEmpty)
                {
                    squares[c][b] = VectorSums.SumOfSquares(x[from..to]);
                    peaks[c][b] = SamplePeakMeter.MaxAbs(x[from..to]);
                    continue;
                }

                (squares[c][b], squares[c + 1][b], peaks[c][b], peaks[c + 1][b]) = PairSums.SquaresAndPeaks(x[from..to], y[from..to]);
            }
        }

        return new DynamicsPartial(first, chunk.Frames, squares, peaks);
    }

    /// <inheritdoc />
    public DynamicsResult Merge(IReadOnlyList<DynamicsPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        var total = partials.Sum(p => (long)p.Frames);
        var channels = partials.Count == 0 ? 0 : partials[0].BlockSquares.Length;
        var blocks = (int)((total + _blockFrames - 1) / _blockFrames);
        var squares = new double[channels, blocks];
        var peaks = new double[channels, blocks];
        foreach (var p in partials)
        {
            for (var c = 0; c < channels; c++)
            {
                for (var b = 0; b < p.BlockSquares[c].Length && p.FirstBlock + b < blocks; b++)
                {
                    squares[c, p.FirstBlock + b] += p.BlockSquares[c][b];
                    peaks[c, p.FirstBlock + b] = Math.Max(peaks[c, p.FirstBlock + b], p.BlockPeaks[c][b]);
                }
            }
        }

        var lastFrames = total - ((blocks - 1L) * _blockFrames);
        var used = blocks > 1 && lastFrames < _blockFrames / BlockSeconds ? blocks - 1 : blocks;
        var channelDr = new double?[channels];
        double energy = 0;
        double peak = 0;
        for (var c = 0; c < channels; c++)
        {
            var rms = new double[used];
            var blockPeaks = new double[used];
            for (var b = 0; b < blocks; b++)
            {
                energy += squares[c, b];
                peak = Math.Max(peak, peaks[c, b]);
                if (b < used)
                {
                    var frames = Math.Min(_blockFrames, total - (b * _blockFrames));
                    rms[b] = Math.Sqrt(2 * squares[c, b] / frames);
                    blockPeaks[b] = peaks[c, b];
                }
            }

            channelDr[c] = DrScore.Channel(rms, blockPeaks);
        }

        var defined = channelDr.Where(d => d.HasValue).Select(d => d!.Value).ToArray();
        var rmsAll = total > 0 && channels > 0 ? Math.Sqrt(energy / (total * channels)) : 0;
        return new DynamicsResult
        {
            ChannelDr = channelDr,
            DrScore = defined.Length > 0 ? (int)Math.Round(defined.Average(), MidpointRounding.AwayFromZero) : null,
            CrestFactorDb = rmsAll > 0 ? 20 * Math.Log10(peak / rmsAll) : null,
        };
    }
}
