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

    /// <summary>The transform of input already in bit-reversed order (input sample i at <see cref="Reverse"/>[i]), in place.</summary>
    public void ForwardReordered(Span<double> re, Span<double> im)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(re.Length, _n);
        ArgumentOutOfRangeException.ThrowIfLessThan(im.Length, _n);
        var half = 1;
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
