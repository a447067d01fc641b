using System.Runtime.CompilerServices;

namespace MixFleet.Analysis.Loudness;

/// <summary>
/// The K-weighting (shelf then RLB high-pass) of one channel, fused with the sum of squares the meter needs.
/// </summary>
/// <remarks>
/// The hot loop of the loudness meter. Coefficients and state live in locals for the whole span (a struct updated
/// through a reference would go through memory every sample), and <see cref="FilterPair"/> runs two channels in one
/// loop so their independent recursions overlap in the pipeline. Arithmetic is double: the high-pass pole sits at
/// 0.995, where float state would add audible-level round-off noise over long files.
/// </remarks>
public struct KWeightingFilter
{
    private readonly double _b0;
    private readonly double _b1;
    private readonly double _b2;
    private readonly double _a1;
    private readonly double _a2;
    private readonly double _c1;
    private readonly double _c2;
    private double _s1;
    private double _s2;
    private double _h1;
    private double _h2;

    /// <summary>Creates the filter for a sample rate, with zero state.</summary>
    public KWeightingFilter(int sampleRate)
    {
        var shelf = KWeighting.Shelf(sampleRate);
        var highPass = KWeighting.HighPass(sampleRate);
        (_b0, _b1, _b2) = shelf.Numerator;
        (_a1, _a2) = shelf.Denominator;
        (_c1, _c2) = highPass.Denominator; // The numerator [1, -2, 1] is folded into the arithmetic below.
    }

    /// <summary>Filters <paramref name="x"/> and returns Σ y² of the K-weighted output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Filter(ReadOnlySpan<float> x)
    {
        double b0 = _b0, b1 = _b1, b2 = _b2, a1 = _a1, a2 = _a2, c1 = _c1, c2 = _c2;
        double s1 = _s1, s2 = _s2, h1 = _h1, h2 = _h2;
        var sum = 0.0;
        foreach (var sample in x)
        {
            // Transposed direct form II, shelf then high-pass (numerator 1, -2, 1).
            double v = sample;
            var u = (b0 * v) + s1;
            s1 = (b1 * v) - (a1 * u) + s2;
            s2 = (b2 * v) - (a2 * u);
            var y = u + h1;
            h1 = (-2 * u) - (c1 * y) + h2;
            h2 = u - (c2 * y);
            sum += y * y;
        }

        (_s1, _s2, _h1, _h2) = (s1, s2, h1, h2);
        return sum;
    }

    /// <summary>Filters two channels with the same coefficients in one loop; returns Σ y² of each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double First, double Second) FilterPair(ref KWeightingFilter first, ref KWeightingFilter second, ReadOnlySpan<float> x, ReadOnlySpan<float> z)
    {
        if (z.Length != x.Length)
        {
            throw new ArgumentException("Both channels need the same number of samples.", nameof(z));
        }

        double b0 = first._b0, b1 = first._b1, b2 = first._b2, a1 = first._a1, a2 = first._a2, c1 = first._c1, c2 = first._c2;
        double s1 = first._s1, s2 = first._s2, h1 = first._h1, h2 = first._h2;
        double t1 = second._s1, t2 = second._s2, g1 = second._h1, g2 = second._h2;
        double sum = 0.0, sumZ = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            double v = x[i];
            double w = z[i];
            var u = (b0 * v) + s1;
            var p = (b0 * w) + t1;
            s1 = (b1 * v) - (a1 * u) + s2;
            t1 = (b1 * w) - (a1 * p) + t2;
            s2 = (b2 * v) - (a2 * u);
            t2 = (b2 * w) - (a2 * p);
            var y = u + h1;
            var q = p + g1;
            h1 = (-2 * u) - (c1 * y) + h2;
            g1 = (-2 * p) - (c1 * q) + g2;
            h2 = u - (c2 * y);
            g2 = p - (c2 * q);
            sum += y * y;
            sumZ += q * q;
        }

        (first._s1, first._s2, first._h1, first._h2) = (s1, s2, h1, h2);
        (second._s1, second._s2, second._h1, second._h2) = (t1, t2, g1, g2);
        return (sum, sumZ);
    }
}
