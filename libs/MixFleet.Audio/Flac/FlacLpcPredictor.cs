using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MixFleet.Audio.Flac;

/// <summary>
/// Restores an LPC subframe in place (RFC 9639 §9.2.6): s[i] = residual[i] + (Σ c[j]·s[i-1-j]) >> shift. The sum is
/// 64-bit (24-bit samples × 15-bit coefficients × 32 taps overflow 32 bits; on x64 a 64-bit multiply costs the same).
/// Orders up to 4, 8, 12 and 16 run through unrolled kernels with the coefficients in registers, zero-padded to the
/// kernel's width (encoders use 8 and 12 most); longer orders through the general loop.
/// </summary>
internal static class FlacLpcPredictor
{
    /// <summary>Most coefficients a subframe can have.</summary>
    public const int MaxOrder = 32;

    /// <summary>
    /// <paramref name="samples"/> holds the warm-up samples in [0, order) and residuals after them; on return, samples.
    /// <paramref name="coefficients"/> has <c>order</c> entries, the first applying to the most recent sample.
    /// </summary>
    public static void Restore(Span<int> samples, ReadOnlySpan<int> coefficients, int shift)
    {
        var order = coefficients.Length;
        var width = order <= 4 ? 4 : order <= 8 ? 8 : order <= 12 ? 12 : order <= 16 ? 16 : MaxOrder;
        var start = width == MaxOrder ? samples.Length : Math.Min(width, samples.Length);
        General(samples, coefficients, shift, order, start);
        if (start == samples.Length)
        {
            return;
        }

        Span<long> c = stackalloc long[16];
        c.Clear();
        for (var j = 0; j < order; j++)
        {
            c[j] = coefficients[j];
        }

        switch (width)
        {
            case 4: Kernel4(samples, c, shift, start); break;
            case 8: Kernel8(samples, c, shift, start); break;
            case 12: Kernel12(samples, c, shift, start); break;
            default: Kernel16(samples, c, shift, start); break;
        }
    }

    /// <summary>Restores samples [<paramref name="from"/>, <paramref name="to"/>) one multiply at a time.</summary>
    public static void General(Span<int> samples, ReadOnlySpan<int> coefficients, int shift, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            long sum = 0;
            for (var j = 0; j < coefficients.Length; j++)
            {
                sum += (long)coefficients[j] * samples[i - 1 - j];
            }

            samples[i] += (int)(sum >> shift);
        }
    }

    // In the unrolled kernels the newest sample is kept in a register and its product added last: the loop-carried
    // chain is then one multiply, two adds and a shift, instead of running through every product and a
    // store-to-load round trip.
    private static void Kernel4(Span<int> samples, ReadOnlySpan<long> c, int shift, int start)
    {
        long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
        ref var s = ref MemoryMarshal.GetReference(samples);
        long previous = Unsafe.Add(ref s, start - 1);
        for (var i = start; i < samples.Length; i++)
        {
            ref var x = ref Unsafe.Add(ref s, i);
            var older = (c3 * Unsafe.Add(ref x, -4)) + (c2 * Unsafe.Add(ref x, -3)) + (c1 * Unsafe.Add(ref x, -2));
            var value = x + (int)((older + (c0 * previous)) >> shift);
            x = value;
            previous = value;
        }
    }

    private static void Kernel8(Span<int> samples, ReadOnlySpan<long> c, int shift, int start)
    {
        long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7];
        ref var s = ref MemoryMarshal.GetReference(samples);
        long previous = Unsafe.Add(ref s, start - 1);
        for (var i = start; i < samples.Length; i++)
        {
            ref var x = ref Unsafe.Add(ref s, i);
            var older = ((c7 * Unsafe.Add(ref x, -8)) + (c6 * Unsafe.Add(ref x, -7)) + (c5 * Unsafe.Add(ref x, -6)) + (c4 * Unsafe.Add(ref x, -5)))
                + ((c3 * Unsafe.Add(ref x, -4)) + (c2 * Unsafe.Add(ref x, -3)) + (c1 * Unsafe.Add(ref x, -2)));
            var value = x + (int)((older + (c0 * previous)) >> shift);
            x = value;
            previous = value;
        }
    }

    private static void Kernel12(Span<int> samples, ReadOnlySpan<long> c, int shift, int start)
    {
        long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7], c8 = c[8], c9 = c[9], c10 = c[10], c11 = c[11];
        ref var s = ref MemoryMarshal.GetReference(samples);
        long previous = Unsafe.Add(ref s, start - 1);
        for (var i = start; i < samples.Length; i++)
        {
            ref var x = ref Unsafe.Add(ref s, i);
            var older = ((c11 * Unsafe.Add(ref x, -12)) + (c10 * Unsafe.Add(ref x, -11)) + (c9 * Unsafe.Add(ref x, -10)) + (c8 * Unsafe.Add(ref x, -9)))
                + ((c7 * Unsafe.Add(ref x, -8)) + (c6 * Unsafe.Add(ref x, -7)) + (c5 * Unsafe.Add(ref x, -6)) + (c4 * Unsafe.Add(ref x, -5)))
                + ((c3 * Unsafe.Add(ref x, -4)) + (c2 * Unsafe.Add(ref x, -3)) + (c1 * Unsafe.Add(ref x, -2)));
            var value = x + (int)((older + (c0 * previous)) >> shift);
            x = value;
            previous = value;
        }
    }

    private static void Kernel16(Span<int> samples, ReadOnlySpan<long> c, int shift, int start)
    {
        ref var s = ref MemoryMarshal.GetReference(samples);
        ref var k = ref MemoryMarshal.GetReference(c);
        for (var i = start; i < samples.Length; i++)
        {
            ref var x = ref Unsafe.Add(ref s, i);
            long sum = 0;
            for (var j = 0; j < 16; j++)
            {
                sum += Unsafe.Add(ref k, j) * Unsafe.Add(ref x, -1 - j);
            }

            x += (int)(sum >> shift);
        }
    }
}
