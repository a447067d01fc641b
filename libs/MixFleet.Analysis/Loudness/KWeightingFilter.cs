using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

        if (Vector128.IsHardwareAccelerated && Fma.IsSupported)
        {
            return FilterPairVector(ref first, ref second, x, z);
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

    /// <summary>
    /// <see cref="FilterPair"/> with the two channels in the two lanes of a vector: the same operations in the same
    /// order per lane (so the same results to the bit), half the instructions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double First, double Second, double Cross) FilterPairVector(ref KWeightingFilter first, ref KWeightingFilter second, ReadOnlySpan<float> x, ReadOnlySpan<float> z)
    {
        var b0 = Vector128.Create(first._b0);
        var b1 = Vector128.Create(first._b1);
        var b2 = Vector128.Create(first._b2);
        var na1 = Vector128.Create(-first._a1);
        var na2 = Vector128.Create(-first._a2);
        var nc1 = Vector128.Create(-first._c1);
        var nc2 = Vector128.Create(-first._c2);
        var two = Vector128.Create(2.0);
        State s = first._state, t = second._state;
        var x1 = Vector128.Create(s.X1, t.X1);
        var x2 = Vector128.Create(s.X2, t.X2);
        var u1 = Vector128.Create(s.U1, t.U1);
        var u2 = Vector128.Create(s.U2, t.U2);
        var y1 = Vector128.Create(s.Y1, t.Y1);
        var y2 = Vector128.Create(s.Y2, t.Y2);
        var sum = Vector128<double>.Zero;
        var cross = Vector128<double>.Zero;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var zr = ref MemoryMarshal.GetReference(z);
        for (var i = 0; i < x.Length; i++)
        {
            var v = Vector128.Create((double)Unsafe.Add(ref xr, i), Unsafe.Add(ref zr, i));
            var u = Fma.MultiplyAdd(na1, u1, Fma.MultiplyAdd(na2, u2, (b0 * v) + (b1 * x1) + (b2 * x2)));
            var y = Fma.MultiplyAdd(nc1, y1, Fma.MultiplyAdd(nc2, y2, u - (two * u1) + u2));
            sum = Fma.MultiplyAdd(y, y, sum);
            cross = Fma.MultiplyAdd(y, Sse2.Shuffle(y, y, 0b01), cross);
            x2 = x1;
            x1 = v;
            u2 = u1;
            u1 = u;
            y2 = y1;
            y1 = y;
        }

        first._state = new State(x1[0], x2[0], u1[0], u2[0], y1[0], y2[0]);
        second._state = new State(x1[1], x2[1], u1[1], u2[1], y1[1], y2[1]);
        return (sum[0], sum[1], cross[0]);
    }

    /// <summary>Direct form I memory: the last two inputs, shelf outputs and high-pass outputs.</summary>
    private readonly record struct State(double X1, double X2, double U1, double U2, double Y1, double Y2);
}
