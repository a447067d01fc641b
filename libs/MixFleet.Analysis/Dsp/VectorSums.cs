using System.Numerics;

namespace MixFleet.Analysis.Dsp;

/// <summary>Vectorised sums of float samples into double accumulators (float lanes widened to double before adding).</summary>
public static class VectorSums
{
    /// <summary>Σx.</summary>
    public static double Sum(ReadOnlySpan<float> x)
    {
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Widen(new Vector<float>(x.Slice(i, Vector<float>.Count)), out var lo, out var hi);
            acc += lo + hi;
        }

        var sum = Vector.Sum(acc);
        for (; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum;
    }

    /// <summary>Σx².</summary>
    public static double SumOfSquares(ReadOnlySpan<float> x) => Dot(x, x);

    /// <summary>Σa·b over the shorter length.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var n = Math.Min(a.Length, b.Length);
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Widen(new Vector<float>(a.Slice(i, Vector<float>.Count)), out var alo, out var ahi);
            Vector.Widen(new Vector<float>(b.Slice(i, Vector<float>.Count)), out var blo, out var bhi);
            acc += (alo * blo) + (ahi * bhi);
        }

        var sum = Vector.Sum(acc);
        for (; i < n; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Σ(a−b)² and Σ(a+b)² over the shorter length.</summary>
    public static (double Difference, double Sum) DifferenceAndSumSquares(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var n = Math.Min(a.Length, b.Length);
        var diff = Vector<double>.Zero;
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Widen(new Vector<float>(a.Slice(i, Vector<float>.Count)), out var alo, out var ahi);
            Vector.Widen(new Vector<float>(b.Slice(i, Vector<float>.Count)), out var blo, out var bhi);
            var (dlo, dhi, slo, shi) = (alo - blo, ahi - bhi, alo + blo, ahi + bhi);
            diff += (dlo * dlo) + (dhi * dhi);
            sum += (slo * slo) + (shi * shi);
        }

        var d = Vector.Sum(diff);
        var s = Vector.Sum(sum);
        for (; i < n; i++)
        {
            var (x, y) = ((double)a[i], (double)b[i]);
            d += (x - y) * (x - y);
            s += (x + y) * (x + y);
        }

        return (d, s);
    }
}
