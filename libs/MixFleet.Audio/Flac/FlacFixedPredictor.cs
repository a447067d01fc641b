using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MixFleet.Audio.Flac;

/// <summary>
/// Restores a fixed-predictor subframe in place (RFC 9639 §9.2.5): orders 0–4, predictions 0, s[-1], 2s[-1]-s[-2],
/// 3s[-1]-3s[-2]+s[-3], 4s[-1]-6s[-2]+4s[-3]-s[-4]. 32-bit wrap-around arithmetic is exact here: every step is an
/// addition or a multiplication by a constant, so the result modulo 2^32 is the sample, which fits 32 bits.
/// </summary>
internal static class FlacFixedPredictor
{
    /// <summary>
    /// <paramref name="samples"/> holds the warm-up samples in [0, order) and residuals after them; on return, samples.
    /// </summary>
    public static void Restore(Span<int> samples, int order)
    {
        ref var s = ref MemoryMarshal.GetReference(samples);
        var n = samples.Length;
        // The previous samples ride in registers: the loop-carried chain never goes through memory.
        switch (order)
        {
            case 1:
                var a1 = Unsafe.Add(ref s, 0);
                for (var i = 1; i < n; i++)
                {
                    a1 += Unsafe.Add(ref s, i);
                    Unsafe.Add(ref s, i) = a1;
                }

                break;
            case 2:
                int b2 = Unsafe.Add(ref s, 0), a2 = Unsafe.Add(ref s, 1);
                for (var i = 2; i < n; i++)
                {
                    var v = Unsafe.Add(ref s, i) + (2 * a2) - b2;
                    Unsafe.Add(ref s, i) = v;
                    b2 = a2;
                    a2 = v;
                }

                break;
            case 3:
                int c3 = Unsafe.Add(ref s, 0), b3 = Unsafe.Add(ref s, 1), a3 = Unsafe.Add(ref s, 2);
                for (var i = 3; i < n; i++)
                {
                    var v = Unsafe.Add(ref s, i) + (3 * (a3 - b3)) + c3;
                    Unsafe.Add(ref s, i) = v;
                    c3 = b3;
                    b3 = a3;
                    a3 = v;
                }

                break;
            case 4:
                int d4 = Unsafe.Add(ref s, 0), c4 = Unsafe.Add(ref s, 1), b4 = Unsafe.Add(ref s, 2), a4 = Unsafe.Add(ref s, 3);
                for (var i = 4; i < n; i++)
                {
                    var v = Unsafe.Add(ref s, i) + (4 * (a4 + c4)) - (6 * b4) - d4;
                    Unsafe.Add(ref s, i) = v;
                    d4 = c4;
                    c4 = b4;
                    b4 = a4;
                    a4 = v;
                }

                break;
        }
    }
}
