using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MixFleet.Analysis.Spectrum;

/// <summary>
/// An in-place iterative radix-2 complex FFT in double with precomputed twiddles and bit-reversal table. Used instead
/// of MathNet.Numerics' real FFT: on 8192-point frames it measured ~10× faster here (2 cores, .NET 10), and two real
/// channels share one complex transform (one as the real part, one as the imaginary part).
/// </summary>
/// <remarks>
/// The butterflies of a stage are computed four at a time (<see cref="Vector256{T}"/>) from per-stage contiguous
/// twiddles; each lane does the scalar butterfly's operations in the same order (no fused multiply-add), so the result
/// is the same, bit for bit, as the scalar loop's. Two stages share a pass over the data where they can (the same operations on the four elements they both touch); the two first stages (one and two butterflies per group) stay scalar.
/// </remarks>
internal sealed class Radix2Fft
{
    private readonly int _n;
    private readonly int[] _reverse;

    // Stage with h butterflies per group: its twiddles cos/−sin(2π·k/(2h)), k < h, at [h, 2h).
    private readonly double[] _cos;
    private readonly double[] _sin;

    public Radix2Fft(int n)
    {
        if (n < 2 || (n & (n - 1)) != 0)
        {
            throw new ArgumentException("The length must be a power of two.", nameof(n));
        }

        _n = n;
        var bits = (int)Math.Log2(n);
        _reverse = new int[n];
        for (var i = 0; i < n; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _reverse[i] = r;
        }

        _cos = new double[n];
        _sin = new double[n];
        for (var half = 1; half < n; half <<= 1)
        {
            var step = n / (2 * half);
            for (var k = 0; k < half; k++)
            {
                var index = k * step; // the angle as the single table of n/2 twiddles computed it
                _cos[half + k] = Math.Cos(2 * Math.PI * index / n);
                _sin[half + k] = -Math.Sin(2 * Math.PI * index / n);
            }
        }
    }

    /// <summary>Where input sample i goes before <see cref="ForwardReordered"/> (bit reversal).</summary>
    public ReadOnlySpan<int> Reverse => _reverse;

    /// <summary>X[k] = Σ x[t]·e^(−2πikt/N), in place.</summary>
    public void Forward(Span<double> re, Span<double> im)
    {
        for (var i = 0; i < _n; i++)
        {
            var j = _reverse[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        ForwardReordered(re, im);
    }

    /// <summary>
    /// The transform of the windowed real frames a (real part) and b (imaginary part; empty for zeros): the same as
    /// writing re[t] = a[t]·w[t], im[t] = b[t]·w[t] (float products) and calling <see cref="Forward"/>, bit for bit. The
    /// samples are read in bit-reversed order and the two first stages done on them as they are loaded, four outputs at a
    /// time: outputs 4g … 4g+3 take the inputs r, r + N/2, r + N/4, r + 3N/4 (r = the reverse of 4g).
    /// </summary>
    public void ForwardWindowed(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> window, Span<double> re, Span<double> im)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, _n);
        ArgumentOutOfRangeException.ThrowIfLessThan(window.Length, _n);
        ArgumentOutOfRangeException.ThrowIfLessThan(re.Length, _n);
        ArgumentOutOfRangeException.ThrowIfLessThan(im.Length, _n);
        if (!b.IsEmpty)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(b.Length, _n);
        }

        if (_n < 8)
        {
            for (var t = 0; t < _n; t++)
            {
                re[t] = a[t] * window[t];
                im[t] = b.IsEmpty ? 0 : b[t] * window[t];
            }

            Forward(re, im);
            return;
        }

        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        ref var w = ref MemoryMarshal.GetReference(window);
        ref var r = ref MemoryMarshal.GetReference(re);
        ref var m = ref MemoryMarshal.GetReference(im);
        var hasB = !b.IsEmpty;
        double c1 = _cos[1], s1 = _sin[1], c2 = _cos[2], s2 = _sin[2], c3 = _cos[3], s3 = _sin[3];
        for (var j = 0; j < _n; j += 4)
        {
            var t0 = _reverse[j];
            int t1 = t0 + (_n / 2), t2 = t0 + (_n / 4), t3 = t1 + (_n / 4);
            double r0 = Unsafe.Add(ref x, t0) * Unsafe.Add(ref w, t0), r1 = Unsafe.Add(ref x, t1) * Unsafe.Add(ref w, t1);
            double r2 = Unsafe.Add(ref x, t2) * Unsafe.Add(ref w, t2), r3 = Unsafe.Add(ref x, t3) * Unsafe.Add(ref w, t3);
            double i0 = 0, i1 = 0, i2 = 0, i3 = 0;
            if (hasB)
            {
                (i0, i1) = (Unsafe.Add(ref y, t0) * Unsafe.Add(ref w, t0), Unsafe.Add(ref y, t1) * Unsafe.Add(ref w, t1));
                (i2, i3) = (Unsafe.Add(ref y, t2) * Unsafe.Add(ref w, t2), Unsafe.Add(ref y, t3) * Unsafe.Add(ref w, t3));
            }

            // Stage 1: (0, 1) and (2, 3); stage 2: (0, 2) and (1, 3). The scalar butterfly's operations, in its order.
            ScalarButterfly(ref r0, ref i0, ref r1, ref i1, c1, s1);
            ScalarButterfly(ref r2, ref i2, ref r3, ref i3, c1, s1);
            ScalarButterfly(ref r0, ref i0, ref r2, ref i2, c2, s2);
            ScalarButterfly(ref r1, ref i1, ref r3, ref i3, c3, s3);
            (Unsafe.Add(ref r, j), Unsafe.Add(ref r, j + 1), Unsafe.Add(ref r, j + 2), Unsafe.Add(ref r, j + 3)) = (r0, r1, r2, r3);
            (Unsafe.Add(ref m, j), Unsafe.Add(ref m, j + 1), Unsafe.Add(ref m, j + 2), Unsafe.Add(ref m, j + 3)) = (i0, i1, i2, i3);
        }

        Stages(re, im, 4);
    }

    /// <summary>The transform of input already in bit-reversed order (input sample i at <see cref="Reverse"/>[i]), in place.</summary>
    public void ForwardReordered(Span<double> re, Span<double> im)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(re.Length, _n);
        ArgumentOutOfRangeException.ThrowIfLessThan(im.Length, _n);
        Stages(re, im, 1);
    }

    // The stages from the one with `half` butterflies per group on.
    private void Stages(Span<double> re, Span<double> im, int half)
    {
        for (; half < _n && half < Vector256<double>.Count; half <<= 1)
        {
            ScalarStage(re, im, half);
        }

        // Two stages per pass over the data where both fit, then the last one alone.
        for (; 4 * half <= _n; half <<= 2)
        {
            TwoStages(re, im, half);
        }

        if (half < _n)
        {
            Stage(re, im, half);
        }
    }

    // The stage with `half` butterflies per group, four at a time.
    private void Stage(Span<double> re, Span<double> im, int half)
    {
        ref var r = ref MemoryMarshal.GetReference(re);
        ref var m = ref MemoryMarshal.GetReference(im);
        ref var wr0 = ref _cos[half];
        ref var wi0 = ref _sin[half];
        for (var start = 0; start < _n; start += 2 * half)
        {
            for (var k = 0; k < half; k += Vector256<double>.Count)
            {
                ref var a = ref Unsafe.Add(ref r, start + k);
                ref var ai = ref Unsafe.Add(ref m, start + k);
                var (wr, wi) = (Vector256.LoadUnsafe(ref Unsafe.Add(ref wr0, k)), Vector256.LoadUnsafe(ref Unsafe.Add(ref wi0, k)));
                Butterfly(ref a, ref ai, ref Unsafe.Add(ref a, half), ref Unsafe.Add(ref ai, half), wr, wi);
            }
        }
    }

    // The stages with `half` and 2·half butterflies per group in one pass: elements p, p+h, p+2h, p+3h (h = half) are
    // paired (p, p+h), (p+2h, p+3h) by the first and (p, p+2h), (p+h, p+3h) by the second, with the same operations as
    // two separate stages.
    private void TwoStages(Span<double> re, Span<double> im, int half)
    {
        ref var r = ref MemoryMarshal.GetReference(re);
        ref var m = ref MemoryMarshal.GetReference(im);
        ref var w1r = ref _cos[half];
        ref var w1i = ref _sin[half];
        ref var w2r = ref _cos[2 * half];
        ref var w2i = ref _sin[2 * half];
        for (var start = 0; start < _n; start += 4 * half)
        {
            for (var k = 0; k < half; k += Vector256<double>.Count)
            {
                ref var p0 = ref Unsafe.Add(ref r, start + k);
                ref var q0 = ref Unsafe.Add(ref m, start + k);
                ref var p1 = ref Unsafe.Add(ref p0, half);
                ref var q1 = ref Unsafe.Add(ref q0, half);
                ref var p2 = ref Unsafe.Add(ref p0, 2 * half);
                ref var q2 = ref Unsafe.Add(ref q0, 2 * half);
                ref var p3 = ref Unsafe.Add(ref p0, 3 * half);
                ref var q3 = ref Unsafe.Add(ref q0, 3 * half);
                var (wr, wi) = (Vector256.LoadUnsafe(ref Unsafe.Add(ref w1r, k)), Vector256.LoadUnsafe(ref Unsafe.Add(ref w1i, k)));
                Butterfly(ref p0, ref q0, ref p1, ref q1, wr, wi);
                Butterfly(ref p2, ref q2, ref p3, ref q3, wr, wi);
                Butterfly(ref p0, ref q0, ref p2, ref q2, Vector256.LoadUnsafe(ref Unsafe.Add(ref w2r, k)), Vector256.LoadUnsafe(ref Unsafe.Add(ref w2i, k)));
                Butterfly(ref p1, ref q1, ref p3, ref q3, Vector256.LoadUnsafe(ref Unsafe.Add(ref w2r, k + half)), Vector256.LoadUnsafe(ref Unsafe.Add(ref w2i, k + half)));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScalarButterfly(ref double ar, ref double ai, ref double br, ref double bi, double wr, double wi)
    {
        var tr = (wr * br) - (wi * bi);
        var ti = (wr * bi) + (wi * br);
        br = ar - tr;
        bi = ai - ti;
        ar += tr;
        ai += ti;
    }

    // a ± w·b on four lanes, the scalar butterfly's operations in its order.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(ref double ar, ref double ai, ref double br, ref double bi, Vector256<double> wr, Vector256<double> wi)
    {
        var rb = Vector256.LoadUnsafe(ref br);
        var ib = Vector256.LoadUnsafe(ref bi);
        var ra = Vector256.LoadUnsafe(ref ar);
        var ia = Vector256.LoadUnsafe(ref ai);
        var tr = (wr * rb) - (wi * ib);
        var ti = (wr * ib) + (wi * rb);
        (ra - tr).StoreUnsafe(ref br);
        (ia - ti).StoreUnsafe(ref bi);
        (ra + tr).StoreUnsafe(ref ar);
        (ia + ti).StoreUnsafe(ref ai);
    }

    private void ScalarStage(Span<double> re, Span<double> im, int half)
    {
        for (var start = 0; start < _n; start += 2 * half)
        {
            for (var k = 0; k < half; k++)
            {
                double wr = _cos[half + k], wi = _sin[half + k];
                int a = start + k, b = a + half;
                var tr = (wr * re[b]) - (wi * im[b]);
                var ti = (wr * im[b]) + (wi * re[b]);
                re[b] = re[a] - tr;
                im[b] = im[a] - ti;
                re[a] += tr;
                im[a] += ti;
            }
        }
    }
}
