using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MixFleet.Analysis.Spectrum;

/// <summary>
/// Splits the transform of z = a + i·b (two real channels in one complex FFT) into the two channels' spectra and adds
/// their power: A[k] = (Z[k] + Z*[N−k])/2, B[k] = (Z[k] − Z*[N−k])/2i, power[k] += |A[k]|² + |B[k]|², k ≤ N/2.
/// Four bins at a time; every lane does the scalar expression's operations in the same order, so the sums are the same
/// bit for bit.
/// </summary>
internal static class SpectrumPower
{
    /// <summary>Adds |A[k]|² + |B[k]|² to <paramref name="power"/>[k] for k in [0, N/2], N = <paramref name="re"/>'s length.</summary>
    public static void Accumulate(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> power)
    {
        var n = re.Length;
        ArgumentOutOfRangeException.ThrowIfNotEqual(im.Length, n);
        ArgumentOutOfRangeException.ThrowIfLessThan(power.Length, (n / 2) + 1);
        Bin(re, im, power, 0);
        ref var r = ref MemoryMarshal.GetReference(re);
        ref var m = ref MemoryMarshal.GetReference(im);
        ref var p = ref MemoryMarshal.GetReference(power);
        var bin = 1;
        for (; bin + Vector256<double>.Count - 1 <= n / 2; bin += Vector256<double>.Count)
        {
            // Mirrors N−bin … N−bin−3, loaded from N−bin−3 and reversed.
            var mirror = n - bin - (Vector256<double>.Count - 1);
            var zr = Vector256.LoadUnsafe(ref Unsafe.Add(ref r, bin));
            var zi = Vector256.LoadUnsafe(ref Unsafe.Add(ref m, bin));
            var mr = Reverse(Vector256.LoadUnsafe(ref Unsafe.Add(ref r, mirror)));
            var mi = -Reverse(Vector256.LoadUnsafe(ref Unsafe.Add(ref m, mirror)));
            var ar = (zr + mr) / 2;
            var ai = (zi + mi) / 2;
            var br = (zi - mi) / 2;
            var bi = -(zr - mr) / 2;
            ref var target = ref Unsafe.Add(ref p, bin);
            (Vector256.LoadUnsafe(ref target) + ((ar * ar) + (ai * ai) + (br * br) + (bi * bi))).StoreUnsafe(ref target);
        }

        for (; bin <= n / 2; bin++)
        {
            Bin(re, im, power, bin);
        }
    }

    private static void Bin(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> power, int bin)
    {
        var mirror = (re.Length - bin) & (re.Length - 1);
        double zr = re[bin], zi = im[bin], mr = re[mirror], mi = -im[mirror];
        double ar = (zr + mr) / 2, ai = (zi + mi) / 2, br = (zi - mi) / 2, bi = -(zr - mr) / 2;
        power[bin] += (ar * ar) + (ai * ai) + (br * br) + (bi * bi);
    }

    private static Vector256<double> Reverse(Vector256<double> v) => Vector256.Shuffle(v, Vector256.Create(3L, 2, 1, 0));
}
