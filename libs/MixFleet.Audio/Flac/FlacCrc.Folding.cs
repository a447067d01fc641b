using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MixFleet.Audio.Flac;

/// <summary>
/// CRC-16 by folding with carry-less multiplication (the method of Intel's "Fast CRC Computation for Generic
/// Polynomials Using PCLMULQDQ", here MSB-first): the data is a polynomial over GF(2), and the CRC only depends on it
/// modulo P = x^16 + x^15 + x^2 + 1. A 128-bit block A followed by n more bits contributes A·x^n, and
/// A·x^n = A_hi·x^(n+64) + A_lo·x^n ≡ A_hi·(x^(n+64) mod P) + A_lo·(x^n mod P): two carry-less 64×16-bit products
/// that fit in 128 bits and are XORed onto the block n bits later. Four accumulators fold 64 bytes per step (their
/// products are independent), then fold into one. What remains — one 16-byte block congruent to everything folded
/// (its CRC is the CRC of those bytes) and fewer than 16 tail bytes — goes through the tables.
/// </summary>
internal static partial class FlacCrc
{
    private const int FoldingMinimumBytes = 64;

    // x^n mod P for the fold distances: 512 bits (four blocks) and 128 bits (one block), each with its high half.
    private static readonly Vector128<ulong> Fold512 = Vector128.Create(XPowerModP(512), XPowerModP(512 + 64));
    private static readonly Vector128<ulong> Fold128 = Vector128.Create(XPowerModP(128), XPowerModP(128 + 64));

    // Reverses the sixteen bytes: the first byte of the block becomes the most significant (MSB-first polynomial).
    private static readonly Vector128<byte> ByteReverse = Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    private static bool FoldingSupported => Pclmulqdq.IsSupported && Ssse3.IsSupported;

    /// <summary>
    /// Folds the whole 16-byte blocks of <paramref name="data"/> (at least four) into the 16 bytes of
    /// <paramref name="folded"/>, which have the same CRC; returns the tail after the blocks.
    /// </summary>
    private static ReadOnlySpan<byte> Fold(ReadOnlySpan<byte> data, Span<byte> folded)
    {
        ref var p = ref MemoryMarshal.GetReference(data);
        var blocks = data.Length / 16;
        var a0 = Block(ref p, 0);
        var a1 = Block(ref p, 1);
        var a2 = Block(ref p, 2);
        var a3 = Block(ref p, 3);
        var b = 4;
        for (; b + 4 <= blocks; b += 4)
        {
            a0 = FoldInto(a0, Fold512, Block(ref p, b));
            a1 = FoldInto(a1, Fold512, Block(ref p, b + 1));
            a2 = FoldInto(a2, Fold512, Block(ref p, b + 2));
            a3 = FoldInto(a3, Fold512, Block(ref p, b + 3));
        }

        var a = FoldInto(FoldInto(FoldInto(a0, Fold128, a1), Fold128, a2), Fold128, a3);
        for (; b < blocks; b++)
        {
            a = FoldInto(a, Fold128, Block(ref p, b));
        }

        Ssse3.Shuffle(a.AsByte(), ByteReverse).CopyTo(folded);
        return data[(blocks * 16)..];
    }

    // acc·x^n + next, with acc reduced modulo P by the constants of the distance n.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> FoldInto(Vector128<ulong> acc, Vector128<ulong> constants, Vector128<ulong> next) =>
        Pclmulqdq.CarrylessMultiply(acc, constants, 0x00) ^ Pclmulqdq.CarrylessMultiply(acc, constants, 0x11) ^ next;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Block(ref byte p, int block) =>
        Ssse3.Shuffle(Vector128.LoadUnsafe(ref p, (nuint)(block * 16)), ByteReverse).AsUInt64();

    // x^n mod P, bit by bit.
    private static ulong XPowerModP(int n)
    {
        var r = 1u;
        for (var i = 0; i < n; i++)
        {
            r <<= 1;
            if ((r & 0x1_0000) != 0)
            {
                r ^= 0x1_8005;
            }
        }

        return r;
    }
}
