using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MixFleet.Analysis.Defects;

/// <summary>
/// The click detector's residual |e[i]| = |x[i] − 4(x[i−1] + x[i−3]) + 6x[i−2] + x[i−4]| / 3 (the fourth difference)
/// over a span whose element 0 is x[−4]: computed where it is needed, never stored. The vector and scalar forms evaluate
/// the same float operations in the same order, so they agree bit for bit.
/// </summary>
/// <remarks>
/// The block pass and <see cref="Max"/> work on d = |x[i] − 4(x[i−1] + x[i−3]) + 6x[i−2] + x[i−4]| and divide by 3
/// once per block: float division is correctly rounded and so monotonic, hence max(d) / 3 is exactly the largest
/// |e|; a block's sum Σd / 3 is within a few float roundings (&lt; 10⁻⁶ relative) of Σ|e|, which the detector's bound
/// margin (10⁻⁴) covers. <see cref="At"/> and <see cref="Sum"/> divide each residual, as the rule does.
/// </remarks>
internal static class Residual
{
    /// <summary>Samples before i that |e[i]| reads.</summary>
    public const int Reach = 4;

    /// <summary>|e[i]|; <paramref name="src"/>[0] is x[−4].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float At(ReadOnlySpan<float> src, int i) => Undivided(src, i) / 3;

    /// <summary>
    /// Sum and maximum of |e| over each block of <paramref name="block"/> residuals (a multiple of 8) covering
    /// [0, <paramref name="n"/>): <paramref name="prefix"/>[j + 1] = prefix[j] + sum of block j (double, within 10⁻⁶
    /// relative of the exact sum), <paramref name="max"/>[j] = its largest residual, exactly. The last block may be shorter.
    /// </summary>
    public static void Blocks(ReadOnlySpan<float> src, int n, int block, Span<double> prefix, Span<float> max)
    {
        ref var x = ref MemoryMarshal.GetReference(src);
        var blocks = (n + block - 1) / block;
        var full = n / block;
        var vectors = block / Vector256<float>.Count;
        prefix[0] = 0;
        for (var j = 0; j < full; j++)
        {
            var sum = Vector256<float>.Zero;
            var top = Vector256<float>.Zero;
            ref var start = ref Unsafe.Add(ref x, j * block);
            for (var v = 0; v < vectors; v++)
            {
                var d = Undivided(ref Unsafe.Add(ref start, v * Vector256<float>.Count));
                sum += d;
                top = Vector256.MaxNative(top, d);
            }

            prefix[j + 1] = prefix[j] + (Vector256.Sum(sum) / 3.0);
            max[j] = HorizontalMax(top) / 3;
        }

        for (var j = full; j < blocks; j++)
        {
            var sum = 0f;
            var top = 0f;
            for (var i = j * block; i < n; i++)
            {
                var d = Undivided(src, i);
                sum += d;
                top = MathF.Max(top, d);
            }

            prefix[j + 1] = prefix[j] + (sum / 3.0);
            max[j] = top / 3;
        }
    }

    /// <summary>Σ|e| over [<paramref name="from"/>, from + <paramref name="count"/>), in double.</summary>
    public static double Sum(ReadOnlySpan<float> src, int from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from + count + Reach, src.Length);
        ref var x = ref MemoryMarshal.GetReference(src);
        var three = Vector256.Create(3f);
        var acc = Vector256<double>.Zero;
        var i = from;
        for (; i <= from + count - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var e = Undivided(ref Unsafe.Add(ref x, i)) / three;
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

    /// <summary>The largest |e| over [<paramref name="from"/>, from + <paramref name="count"/>), exactly; 0 when empty.</summary>
    public static float Max(ReadOnlySpan<float> src, int from, int count)
    {
        if (count <= 0)
        {
            return 0;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from + count + Reach, src.Length);
        ref var x = ref MemoryMarshal.GetReference(src);
        var top = Vector256<float>.Zero;
        var i = from;
        for (; i <= from + count - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            top = Vector256.MaxNative(top, Undivided(ref Unsafe.Add(ref x, i)));
        }

        var largest = HorizontalMax(top);
        for (; i < from + count; i++)
        {
            largest = MathF.Max(largest, Undivided(src, i));
        }

        return largest / 3;
    }

    // 3|e[i]|, the order of operations the rule writes: x[i] − 4(x[i−1] + x[i−3]) + 6x[i−2] + x[i−4].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Undivided(ReadOnlySpan<float> src, int i) =>
        MathF.Abs(src[i + 4] - (4 * (src[i + 3] + src[i + 1])) + (6 * src[i + 2]) + src[i]);

    // Eight of them from `at` = x[i − 4] on, the same operations lane by lane (no fused multiply-add).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Undivided(ref float at)
    {
        var a = Vector256.LoadUnsafe(ref at);
        var b = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, 1));
        var c = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, 2));
        var d = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, 3));
        var e = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, 4));
        return Vector256.Abs(e - (Vector256.Create(4f) * (d + b)) + (Vector256.Create(6f) * c) + a);
    }

    private static float HorizontalMax(Vector256<float> v)
    {
        var m = Vector128.MaxNative(v.GetLower(), v.GetUpper());
        m = Vector128.MaxNative(m, Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1)));
        m = Vector128.MaxNative(m, Vector128.Shuffle(m, Vector128.Create(1, 0, 3, 2)));
        return m.ToScalar();
    }
}
