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
        switch (order)
        {
            case 1:
                for (var i = 1; i < n; i++)
                {
                    Unsafe.Add(ref s, i) += Unsafe.Add(ref s, i - 1);
                }

                break;
            case 2:
                for (var i = 2; i < n; i++)
                {
                    Unsafe.Add(ref s, i) += (2 * Unsafe.Add(ref s, i - 1)) - Unsafe.Add(ref s, i - 2);
                }

                break;
            case 3:
                for (var i = 3; i < n; i++)
                {
                    Unsafe.Add(ref s, i) += (3 * (Unsafe.Add(ref s, i - 1) - Unsafe.Add(ref s, i - 2))) + Unsafe.Add(ref s, i - 3);
                }

                break;
            case 4:
                for (var i = 4; i < n; i++)
                {
                    Unsafe.Add(ref s, i) += (4 * (Unsafe.Add(ref s, i - 1) + Unsafe.Add(ref s, i - 3)))
                        - (6 * Unsafe.Add(ref s, i - 2)) - Unsafe.Add(ref s, i - 4);
                }

                break;
        }
    }
}
