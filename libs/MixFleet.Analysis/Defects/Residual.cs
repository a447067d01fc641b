using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MixFleet.Analysis.Defects;

/// <summary>
/// The click detector's residual |e[i]| = |x[i] − 2x[i−1] + x[i−2]| over a span whose element 0 is x[−2]: computed
/// where it is needed, never stored. The vector and scalar forms evaluate the same float operations in the same order,
/// so they agree bit for bit.
/// </summary>
internal static class Residual
{
    /// <summary>|e[i]|; <paramref name="src"/>[0] is x[−2].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float At(ReadOnlySpan<float> src, int i) => MathF.Abs(src[i + 2] - (2 * src[i + 1]) + src[i]);

    /// <summary>
    /// Sum (float) and maximum of |e| over each block of <paramref name="block"/> residuals (a multiple of 8) covering
    /// [0, <paramref name="n"/>): <paramref name="prefix"/>[j + 1] = prefix[j] + sum of block j (double),
    /// <paramref name="max"/>[j] = its largest residual. The last block may be shorter.
    /// </summary>
    public static void Blocks(ReadOnlySpan<float> src, int n, int block, Span<double> prefix, Span<float> max)
    {
        ref var x = ref MemoryMarshal.GetReference(src);
        var blocks = (n + block - 1) / block;
        var full = n / block;
        var vectors = block / Vector256<float>.Count;
        var two = Vector256.Create(2f);
        prefix[0] = 0;
        for (var j = 0; j < full; j++)
        {
            var sum = Vector256<float>.Zero;
            var top = Vector256<float>.Zero;
            ref var start = ref Unsafe.Add(ref x, j * block);
            for (var v = 0; v < vectors; v++)
            {
                ref var at = ref Unsafe.Add(ref start, v * Vector256<float>.Count);
                var a = Vector256.LoadUnsafe(ref at);
                var b = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, 1));
                var c = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, 2));
                var e = Vector256.Abs(c - (two * b) + a);
                sum += e;
                top = Vector256.Max(top, e);
            }

            prefix[j + 1] = prefix[j] + Vector256.Sum(sum);
            max[j] = HorizontalMax(top);
        }

        for (var j = full; j < blocks; j++)
        {
            var sum = 0f;
            var top = 0f;
            for (var i = j * block; i < n; i++)
            {
                var e = At(src, i);
                sum += e;
                top = MathF.Max(top, e);
            }

            prefix[j + 1] = prefix[j] + sum;
            max[j] = top;
        }
    }

    /// <summary>Σ|e| over [<paramref name="from"/>, from + <paramref name="count"/>), in double.</summary>
    public static double Sum(ReadOnlySpan<float> src, int from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from + count + 2, src.Length);
        ref var x = ref MemoryMarshal.GetReference(src);
        var two = Vector256.Create(2f);
        var acc = Vector256<double>.Zero;
        var i = from;
        for (; i <= from + count - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            ref var at = ref Unsafe.Add(ref x, i);
            var e = Vector256.Abs(Vector256.LoadUnsafe(ref Unsafe.Add(ref at, 2)) - (two * Vector256.LoadUnsafe(ref Unsafe.Add(ref at, 1))) + Vector256.LoadUnsafe(ref at));
            var (low, high) = Vector256.Widen(e);
            acc += low + high;
        }

        var total = Vector256.Sum(acc);
        for (; i < from + count; i++)
        {
            total += At(src, i);
        }

        return total;
    }

    private static float HorizontalMax(Vector256<float> v)
    {
        var m = Vector128.Max(v.GetLower(), v.GetUpper());
        m = Vector128.Max(m, Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1)));
        m = Vector128.Max(m, Vector128.Shuffle(m, Vector128.Create(1, 0, 3, 2)));
        return m.ToScalar();
    }
}
