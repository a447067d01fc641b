using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MixFleet.Audio.Flac;

/// <summary>
/// Restores the LPC (or fixed) subframes of two channels of one frame together, one SIMD lane each: the recurrence
/// s[i] = r[i] + (Σ c[j]·s[i-1-j]) &gt;&gt; shift (RFC 9639 §9.2.6) is sequential within a channel, but the two channels
/// are independent, so each step computes a sample of both. A 128-bit register holds the pair as two 64-bit lanes,
/// the samples in their low 32 bits; PMULDQ multiplies those signed into exact 64-bit products (|c| &lt; 2^15,
/// |s| &lt; 2^31, 32 taps: |Σ| &lt; 2^51), so the sum is the one the scalar kernels form.
/// </summary>
/// <remarks>
/// The residual is added before the shift: r + ⌊Σ/2^k⌋ = ⌊(r·2^k + Σ)/2^k⌋, which leaves one multiply, one add and
/// one shift on the loop-carried chain. Only the low 32 bits of each lane are kept as the sample (the scalar code's
/// <c>(int)</c>), so a logical shift does (its low 32 bits equal the arithmetic shift's for shifts up to 32), and the
/// lanes' upper halves need no sign extension. Each lane has its own shift (VPSRLVQ). Coefficients are zero-padded
/// to the kernel's width (4, 8 or 12: the orders encoders use), the channel of lower order restoring the samples
/// before the common start on its own.
/// </remarks>
internal static class FlacLpcPairPredictor
{
    /// <summary>Highest order the pair kernels take; longer predictors run per channel.</summary>
    public const int MaxOrder = 12;

    /// <summary>True when the CPU has the instructions (SSE4.1 PMULDQ, AVX2 variable shifts).</summary>
    public static bool IsSupported => Sse41.IsSupported && Avx2.IsSupported;

    /// <summary>
    /// Restores <paramref name="a"/> and <paramref name="b"/> (the same length; warm-up samples then residuals) with
    /// their coefficients (each at most <see cref="MaxOrder"/>, first for the most recent sample) and shifts.
    /// </summary>
    public static void Restore(Span<int> a, ReadOnlySpan<int> ca, int shiftA, Span<int> b, ReadOnlySpan<int> cb, int shiftB)
    {
        var order = Math.Max(ca.Length, cb.Length);
        var start = Math.Min(order, a.Length);
        FlacLpcPredictor.General(a, ca, shiftA, ca.Length, start);
        FlacLpcPredictor.General(b, cb, shiftB, cb.Length, start);
        if (start == a.Length)
        {
            return;
        }

        // Tap j as one vector: [ca[j], 0, cb[j], 0], zero beyond a channel's order.
        Span<Vector128<int>> taps = stackalloc Vector128<int>[MaxOrder];
        for (var j = 0; j < MaxOrder; j++)
        {
            taps[j] = Vector128.Create(j < ca.Length ? ca[j] : 0, 0, j < cb.Length ? cb[j] : 0, 0);
        }

        var shifts = Vector128.Create((ulong)shiftA, (ulong)shiftB);
        var channels = new Channels(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), a.Length);
        switch (order)
        {
            case <= 4: Kernel4(channels, taps, shifts, start); break;
            case <= 8: Kernel8(channels, taps, shifts, start); break;
            default: Kernel12(channels, taps, shifts, start); break;
        }
    }

    private static void Kernel4(Channels x, ReadOnlySpan<Vector128<int>> c, Vector128<ulong> shifts, int start)
    {
        Vector128<int> c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
        Vector128<int> h1 = x.Pair(start - 1), h2 = x.Pair(start - 2), h3 = x.Pair(start - 3), h4 = x.Pair(start - 4);
        for (var i = start; i < x.Length; i++)
        {
            var older = Sse41.Multiply(c1, h2) + (Sse41.Multiply(c2, h3) + Sse41.Multiply(c3, h4));
            var s = Step(x.Residual(i, shifts), older, c0, h1, shifts);
            x.Store(i, s);
            (h4, h3, h2, h1) = (h3, h2, h1, s);
        }
    }

    private static void Kernel8(Channels x, ReadOnlySpan<Vector128<int>> c, Vector128<ulong> shifts, int start)
    {
        Vector128<int> c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7];
        Vector128<int> h1 = x.Pair(start - 1), h2 = x.Pair(start - 2), h3 = x.Pair(start - 3), h4 = x.Pair(start - 4);
        Vector128<int> h5 = x.Pair(start - 5), h6 = x.Pair(start - 6), h7 = x.Pair(start - 7), h8 = x.Pair(start - 8);
        for (var i = start; i < x.Length; i++)
        {
            var older = (Sse41.Multiply(c1, h2) + Sse41.Multiply(c2, h3)) + (Sse41.Multiply(c3, h4) + Sse41.Multiply(c4, h5))
                + ((Sse41.Multiply(c5, h6) + Sse41.Multiply(c6, h7)) + Sse41.Multiply(c7, h8));
            var s = Step(x.Residual(i, shifts), older, c0, h1, shifts);
            x.Store(i, s);
            (h8, h7, h6, h5, h4, h3, h2, h1) = (h7, h6, h5, h4, h3, h2, h1, s);
        }
    }

    private static void Kernel12(Channels x, ReadOnlySpan<Vector128<int>> c, Vector128<ulong> shifts, int start)
    {
        Vector128<int> c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7], c8 = c[8], c9 = c[9], c10 = c[10], c11 = c[11];
        Vector128<int> h1 = x.Pair(start - 1), h2 = x.Pair(start - 2), h3 = x.Pair(start - 3), h4 = x.Pair(start - 4);
        Vector128<int> h5 = x.Pair(start - 5), h6 = x.Pair(start - 6), h7 = x.Pair(start - 7), h8 = x.Pair(start - 8);
        Vector128<int> h9 = x.Pair(start - 9), h10 = x.Pair(start - 10), h11 = x.Pair(start - 11), h12 = x.Pair(start - 12);
        for (var i = start; i < x.Length; i++)
        {
            var older = ((Sse41.Multiply(c1, h2) + Sse41.Multiply(c2, h3)) + (Sse41.Multiply(c3, h4) + Sse41.Multiply(c4, h5)))
                + ((Sse41.Multiply(c5, h6) + Sse41.Multiply(c6, h7)) + (Sse41.Multiply(c7, h8) + Sse41.Multiply(c8, h9)))
                + ((Sse41.Multiply(c9, h10) + Sse41.Multiply(c10, h11)) + Sse41.Multiply(c11, h12));
            var s = Step(x.Residual(i, shifts), older, c0, h1, shifts);
            x.Store(i, s);
            (h12, h11, h10, h9, h8, h7, h6, h5, h4, h3, h2, h1) = (h11, h10, h9, h8, h7, h6, h5, h4, h3, h2, h1, s);
        }
    }

    // The loop-carried part: (r·2^k + older + c0·s[i-1]) >> k, per lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Step(Vector128<ulong> residual, Vector128<long> older, Vector128<int> c0, Vector128<int> previous, Vector128<ulong> shifts)
    {
        var sum = residual + older.AsUInt64() + Sse41.Multiply(c0, previous).AsUInt64();
        return Avx2.ShiftRightLogicalVariable(sum, shifts).AsInt32();
    }

    /// <summary>The two channels' sample arrays (same length), read and written as lane pairs.</summary>
    private readonly ref struct Channels
    {
        private readonly ref int _a;
        private readonly ref int _b;

        public Channels(ref int a, ref int b, int length)
        {
            _a = ref a;
            _b = ref b;
            Length = length;
        }

        public int Length { get; }

        /// <summary>Samples <paramref name="i"/> of both channels as [a, 0, b, 0]; zeros before the block.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<int> Pair(int i) => i < 0 ? Vector128<int>.Zero : Vector128.Create(Unsafe.Add(ref _a, i), 0, Unsafe.Add(ref _b, i), 0);

        /// <summary>
        /// Residual <paramref name="i"/> (≥ 0) of both channels, shifted left by each lane's shift. The lanes' upper
        /// halves are left as they come: shifted, they only reach bits the sample never reads.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<ulong> Residual(int i, Vector128<ulong> shifts) => Avx2.ShiftLeftLogicalVariable(
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref _a, (uint)i)).WithElement(2, Unsafe.Add(ref _b, (uint)i)).AsUInt64(), shifts);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(int i, Vector128<int> s)
        {
            Unsafe.Add(ref _a, i) = s.ToScalar();
            Unsafe.Add(ref _b, i) = s.GetElement(2);
        }
    }
}
