using System.Numerics;
using MixFleet.Analysis.Engine;

namespace MixFleet.Analysis.Format;

/// <summary>
/// Effective bit depth as a chunk metric: each sample times 2^(bits−1) is its integer code (exact in float for
/// PCM up to 24 bits); the OR of all codes has as many trailing zero bits as the padding. ORs merge exactly. A chunk
/// stops scanning once its lowest bit is set (the full depth is then certain), so real 24-bit audio costs a few samples.
/// </summary>
public sealed class BitDepthMetric : IChunkMetric<BitDepthPartial, BitDepthResult>
{
    private readonly int? _bits;

    /// <summary>Creates the metric for a stream's codec and stored depth.</summary>
    public BitDepthMetric(string codec, int? bitDepth)
    {
        ArgumentNullException.ThrowIfNull(codec);

        // Float PCM has no codes; lossy codecs report no depth; 32-bit integers do not fit a float's 24-bit mantissa.
        var isFloat = codec.StartsWith("pcm_f", StringComparison.Ordinal);
        _bits = !isFloat && bitDepth is >= 2 and <= 24 ? bitDepth : null;
    }

    /// <summary>Whether the source has integer codes to inspect.</summary>
    public bool Applies => _bits.HasValue;

    /// <inheritdoc />
    public BitDepthPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_bits is not { } bits)
        {
            return new BitDepthPartial(0, false);
        }

        var scale = (float)(1 << (bits - 1));
        var codes = 0;
        var nonInteger = false;
        for (var c = 0; c < chunk.Channels && (codes & 1) == 0; c++)
        {
            foreach (var x in chunk.Samples(c))
            {
                var v = x * scale;
                var code = (int)v;
                nonInteger |= code != v;
                codes |= code;
                if ((codes & 1) != 0)
                {
                    break;
                }
            }
        }

        return new BitDepthPartial(codes, nonInteger);
    }

    /// <inheritdoc />
    public BitDepthResult Merge(IReadOnlyList<BitDepthPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (_bits is not { } bits || partials.Any(p => p.NonInteger))
        {
            return new BitDepthResult(null);
        }

        var codes = partials.Aggregate(0, (all, p) => all | p.Codes);
        return new BitDepthResult(codes == 0 ? null : bits - BitOperations.TrailingZeroCount(codes));
    }
}
