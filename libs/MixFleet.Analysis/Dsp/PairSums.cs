using System.Numerics;

namespace MixFleet.Analysis.Dsp;

/// <summary>
/// Several of <see cref="VectorSums"/>' sums over two channels in one pass. Each sum keeps its own accumulator and adds
/// in exactly <see cref="VectorSums"/>' order (same lanes, same reduction, same scalar tail), so it is the same, bit for
/// bit, as the separate call; one pass runs the accumulators' dependency chains side by side instead of one after another.
/// </summary>
public static class PairSums
{
    /// <summary>Σa², Σb² (as <see cref="VectorSums.SumOfSquares"/>), max |a|, max |b|; a and b the same length.</summary>
    public static (double SquaresA, double SquaresB, float PeakA, float PeakB) SquaresAndPeaks(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(b.Length, a.Length);
        var (sa, sb) = (Vector<double>.Zero, Vector<double>.Zero);
        var (ma, mb) = (Vector<float>.Zero, Vector<float>.Zero);
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var va = new Vector<float>(a.Slice(i, Vector<float>.Count));
            var vb = new Vector<float>(b.Slice(i, Vector<float>.Count));
            Vector.Widen(va, out var alo, out var ahi);
            Vector.Widen(vb, out var blo, out var bhi);
            sa += (alo * alo) + (ahi * ahi);
            sb += (blo * blo) + (bhi * bhi);
            ma = Vector.MaxNative(ma, Vector.Abs(va));
            mb = Vector.MaxNative(mb, Vector.Abs(vb));
        }

        var (squaresA, squaresB) = (Vector.Sum(sa), Vector.Sum(sb));
        var (peakA, peakB) = (0f, 0f);
        for (var lane = 0; lane < Vector<float>.Count; lane++)
        {
            peakA = MathF.Max(peakA, ma[lane]);
            peakB = MathF.Max(peakB, mb[lane]);
        }

        for (; i < a.Length; i++)
        {
            squaresA += (double)a[i] * a[i];
            squaresB += (double)b[i] * b[i];
            peakA = MathF.Max(peakA, MathF.Abs(a[i]));
            peakB = MathF.Max(peakB, MathF.Abs(b[i]));
        }

        return (squaresA, squaresB, peakA, peakB);
    }

    /// <summary>ΣL², ΣR² and ΣL·R (as <see cref="VectorSums.SumOfSquares"/> and <see cref="VectorSums.Dot"/>).</summary>
    public static (double Left, double Right, double Product) Products(ReadOnlySpan<float> l, ReadOnlySpan<float> r)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(r.Length, l.Length);
        var (sl, sr, slr) = (Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
        var i = 0;
        for (; i <= l.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Widen(new Vector<float>(l.Slice(i, Vector<float>.Count)), out var llo, out var lhi);
            Vector.Widen(new Vector<float>(r.Slice(i, Vector<float>.Count)), out var rlo, out var rhi);
            sl += (llo * llo) + (lhi * lhi);
            sr += (rlo * rlo) + (rhi * rhi);
            slr += (llo * rlo) + (lhi * rhi);
        }

        var (left, right, product) = (Vector.Sum(sl), Vector.Sum(sr), Vector.Sum(slr));
        for (; i < l.Length; i++)
        {
            left += (double)l[i] * l[i];
            right += (double)r[i] * r[i];
            product += (double)l[i] * r[i];
        }

        return (left, right, product);
    }

    /// <summary>
    /// ΣL², ΣR² (as <see cref="VectorSums.SumOfSquares"/>), Σ(L−R)² and Σ(L+R)² (as
    /// <see cref="VectorSums.DifferenceAndSumSquares"/>), and whether L and R are equal sample for sample (as <see cref="MemoryExtensions.SequenceEqual{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>).
    /// </summary>
    public static (double Left, double Right, double Difference, double Sum, bool Equal) Relation(ReadOnlySpan<float> l, ReadOnlySpan<float> r)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(r.Length, l.Length);
        var (sl, sr, sd, ss) = (Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
        var equal = true;
        var i = 0;
        for (; i <= l.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var vl = new Vector<float>(l.Slice(i, Vector<float>.Count));
            var vr = new Vector<float>(r.Slice(i, Vector<float>.Count));
            if (equal && vl != vr)
            {
                equal = l.Slice(i, Vector<float>.Count).SequenceEqual(r.Slice(i, Vector<float>.Count)); // NaN equals NaN, as SequenceEqual has it
            }

            Vector.Widen(vl, out var alo, out var ahi);
            Vector.Widen(vr, out var blo, out var bhi);
            sl += (alo * alo) + (ahi * ahi);
            sr += (blo * blo) + (bhi * bhi);
            var (dlo, dhi, slo, shi) = (alo - blo, ahi - bhi, alo + blo, ahi + bhi);
            sd += (dlo * dlo) + (dhi * dhi);
            ss += (slo * slo) + (shi * shi);
        }

        var (left, right, difference, sum) = (Vector.Sum(sl), Vector.Sum(sr), Vector.Sum(sd), Vector.Sum(ss));
        for (; i < l.Length; i++)
        {
            var (x, y) = ((double)l[i], (double)r[i]);
            left += (double)l[i] * l[i];
            right += (double)r[i] * r[i];
            difference += (x - y) * (x - y);
            sum += (x + y) * (x + y);
            equal &= l[i].Equals(r[i]);
        }

        return (left, right, difference, sum, equal);
    }

    /// <summary>
    /// Σa and Σb (as <see cref="VectorSums.Sum"/>), and max |x| of each block of <paramref name="block"/> samples (a
    /// multiple of the vector width) of each channel, the last block possibly shorter.
    /// </summary>
    public static (double SumA, double SumB) SumsAndBlockPeaks(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int block, Span<float> peaksA, Span<float> peaksB)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(b.Length, a.Length);
        ArgumentOutOfRangeException.ThrowIfNotEqual(block % Vector<float>.Count, 0);
        var (sa, sb) = (Vector<double>.Zero, Vector<double>.Zero);
        var i = 0;
        for (var j = 0; j * block < a.Length; j++)
        {
            var end = Math.Min(a.Length, (j + 1) * block);
            var (ma, mb) = (Vector<float>.Zero, Vector<float>.Zero);
            for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
            {
                var va = new Vector<float>(a.Slice(i, Vector<float>.Count));
                var vb = new Vector<float>(b.Slice(i, Vector<float>.Count));
                Vector.Widen(va, out var alo, out var ahi);
                Vector.Widen(vb, out var blo, out var bhi);
                sa += alo + ahi;
                sb += blo + bhi;
                ma = Vector.MaxNative(ma, Vector.Abs(va));
                mb = Vector.MaxNative(mb, Vector.Abs(vb));
            }

            var (peakA, peakB) = (0f, 0f);
            for (var lane = 0; lane < Vector<float>.Count; lane++)
            {
                peakA = MathF.Max(peakA, ma[lane]);
                peakB = MathF.Max(peakB, mb[lane]);
            }

            for (var k = i; k < end; k++)
            {
                peakA = MathF.Max(peakA, MathF.Abs(a[k]));
                peakB = MathF.Max(peakB, MathF.Abs(b[k]));
            }

            (peaksA[j], peaksB[j]) = (peakA, peakB);
        }

        // Only the last block can end off the vector grid: its last samples are VectorSums.Sum's scalar tail.
        var (sumA, sumB) = (Vector.Sum(sa), Vector.Sum(sb));
        for (; i < a.Length; i++)
        {
            sumA += a[i];
            sumB += b[i];
        }

        return (sumA, sumB);
    }
}
