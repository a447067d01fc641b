using System.Runtime.CompilerServices;

namespace MixFleet.Analysis.Loudness;

/// <summary>
/// The K-weighting (shelf then RLB high-pass) of one channel, fused with the sum of squares the meter needs.
/// </summary>
/// <remarks>
/// The hot loop of the loudness meter. Direct form I with fused multiply-adds: each stage's recursion is one FMA
/// deep (y[n-1] → y[n]), where the transposed form chains a multiply and two adds, so the loop runs at the speed of
/// its arithmetic, not of its dependency chain. Coefficients and state live in locals for the whole span, and
/// <see cref="FilterPair"/> runs two channels in one loop so their recursions overlap. Arithmetic is double: the
/// high-pass pole sits at 0.995, where float state would add round-off noise over long files.
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
    private State _state;

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
        double b0 = _b0, b1 = _b1, b2 = _b2, na1 = -_a1, na2 = -_a2, nc1 = -_c1, nc2 = -_c2;
        var s = _state;
        var sum = 0.0;
        foreach (var sample in x)
        {
            double v = sample;
            var u = Math.FusedMultiplyAdd(na1, s.U1, Math.FusedMultiplyAdd(na2, s.U2, (b0 * v) + (b1 * s.X1) + (b2 * s.X2)));
            var y = Math.FusedMultiplyAdd(nc1, s.Y1, Math.FusedMultiplyAdd(nc2, s.Y2, u - (2 * s.U1) + s.U2));
            sum = Math.FusedMultiplyAdd(y, y, sum);
            s = new State(v, s.X1, u, s.U1, y, s.Y1);
        }

        _state = s;
        return sum;
    }

    /// <summary>
    /// Filters two channels with the same coefficients in one loop; returns Σ y² of each and the cross term Σ y₁·y₂
    /// (K-weighting is linear, so the cross term gives the loudness of the mono fold-down without filtering it again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double First, double Second, double Cross) FilterPair(ref KWeightingFilter first, ref KWeightingFilter second, ReadOnlySpan<float> x, ReadOnlySpan<float> z)
    {
        if (z.Length != x.Length)
        {
            throw new ArgumentException("Both channels need the same number of samples.", nameof(z));
        }

        double b0 = first._b0, b1 = first._b1, b2 = first._b2, na1 = -first._a1, na2 = -first._a2, nc1 = -first._c1, nc2 = -first._c2;
        var s = first._state;
        var t = second._state;
        double sum = 0.0, sumZ = 0.0, cross = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            double v = x[i];
            double w = z[i];
            var u = Math.FusedMultiplyAdd(na1, s.U1, Math.FusedMultiplyAdd(na2, s.U2, (b0 * v) + (b1 * s.X1) + (b2 * s.X2)));
            var p = Math.FusedMultiplyAdd(na1, t.U1, Math.FusedMultiplyAdd(na2, t.U2, (b0 * w) + (b1 * t.X1) + (b2 * t.X2)));
            var y = Math.FusedMultiplyAdd(nc1, s.Y1, Math.FusedMultiplyAdd(nc2, s.Y2, u - (2 * s.U1) + s.U2));
            var q = Math.FusedMultiplyAdd(nc1, t.Y1, Math.FusedMultiplyAdd(nc2, t.Y2, p - (2 * t.U1) + t.U2));
            sum = Math.FusedMultiplyAdd(y, y, sum);
            sumZ = Math.FusedMultiplyAdd(q, q, sumZ);
            cross = Math.FusedMultiplyAdd(y, q, cross);
            s = new State(v, s.X1, u, s.U1, y, s.Y1);
            t = new State(w, t.X1, p, t.U1, q, t.Y1);
        }

        first._state = s;
        second._state = t;
        return (sum, sumZ, cross);
    }

    /// <summary>Direct form I memory: the last two inputs, shelf outputs and high-pass outputs.</summary>
    private readonly record struct State(double X1, double X2, double U1, double U2, double Y1, double Y2);
}
