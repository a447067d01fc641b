using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MixFleet.Audio.Flac;

/// <summary>The residual hot loop: Rice codes read with a leading-zero count on the 64-bit cache.</summary>
/// <remarks>
/// A code of q zeros, the one and k low bits is the top q + 1 + k bits of the cache. Shifted left by q (one
/// leading-zero count), its top k + 1 bits read as a number are 2^k + low, and shifting it k + 1 further consumes it.
/// The loop stores 2^k + low + q·2^k — no special case for k = 0 — and a vector pass over the partition subtracts 2^k
/// (giving the folded value q·2^k + low) and undoes the zigzag folding.
/// </remarks>
internal sealed partial class FlacBitReader
{
    // Up to this parameter ReadRiceFast reads two codes per refill (codes of about k + 2 bits, two in 56).
    private const int PairedRiceMaxParameter = 20;

    /// <summary>
    /// Reads <paramref name="destination"/>.Length Rice-coded residuals with parameter <paramref name="k"/> (0–30)
    /// (RFC 9639 §9.2.7.3: the quotient in unary, zeros ended by a one, then <paramref name="k"/> low bits; the value
    /// folded to signed by zigzag).
    /// </summary>
    public void ReadRice(Span<int> destination, int k)
    {
        var done = ReadRiceFast(destination, k);
        while (done < destination.Length)
        {
            // Near the end of the buffered bytes, or a code longer than the cache: one code the general way.
            destination[done] = ReadRiceSlow(k);
            done += 1 + ReadRiceFast(destination[(done + 1)..], k);
        }

        Unfold(MemoryMarshal.Cast<int, uint>(destination), 1u << k);
    }

    /// <summary>
    /// Reads codes into <paramref name="destination"/> (as top-bits + q·2^k, see the remarks) while they fit the cache
    /// and the buffer holds eight bytes for each refill; returns how many it read. The cache state lives in locals,
    /// and with no call in the loop every variable stays in a register.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // inlined into the residual decoder, its loop variables spill
    private int ReadRiceFast(Span<int> destination, int k)
    {
        var cache = _cache;
        var bits = _bits;
        var pos = _pos;
        ref var buffer = ref MemoryMarshal.GetArrayDataReference(_buffer);
        var fastEnd = _end - 8;
        ref var start = ref MemoryMarshal.GetReference(destination);
        ref var dst = ref start;
        ref var end = ref Unsafe.Add(ref start, destination.Length);
        var lowShift = 63 - k;
        if (k <= PairedRiceMaxParameter)
        {
            // Two codes per unconditional refill: no refill branch to mispredict. After a refill the cache holds at
            // least 56 bits, so two codes fit unless one has a long quotient (then the checks below stop the pair).
            ref var pairEnd = ref Unsafe.Subtract(ref end, 1);
            while (Unsafe.IsAddressLessThan(ref dst, ref pairEnd) && pos <= fastEnd)
            {
                cache |= BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref buffer, pos))) >> bits;
                pos += (bits ^ 63) >> 3; // 63 - bits
                bits |= 56;

                var zeros = BitOperations.LeadingZeroCount(cache);
                var used = zeros + 1 + k;
                if (used > bits)
                {
                    break;
                }

                var code = cache << zeros;
                dst = (int)(code >> lowShift) + (zeros << k);
                cache = code << (k + 1);
                bits -= used;

                zeros = BitOperations.LeadingZeroCount(cache);
                used = zeros + 1 + k;
                if (used > bits)
                {
                    dst = ref Unsafe.Add(ref dst, 1);
                    break;
                }

                code = cache << zeros;
                Unsafe.Add(ref dst, 1) = (int)(code >> lowShift) + (zeros << k);
                dst = ref Unsafe.Add(ref dst, 2);
                cache = code << (k + 1);
                bits -= used;
            }
        }

        while (Unsafe.IsAddressLessThan(ref dst, ref end))
        {
            if (bits < 32)
            {
                if (pos > fastEnd)
                {
                    break;
                }

                // pos <= fastEnd: the eight bytes are inside the buffer.
                cache |= BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref buffer, pos))) >> bits;
                pos += (bits ^ 63) >> 3; // 63 - bits
                bits |= 56;
            }

            var zeros = BitOperations.LeadingZeroCount(cache);
            var used = zeros + 1 + k;
            if (used > bits)
            {
                break;
            }

            var code = cache << zeros;
            dst = (int)(code >> lowShift) + (zeros << k);
            dst = ref Unsafe.Add(ref dst, 1);
            cache = code << (k + 1);
            bits -= used;
        }

        (_cache, _bits, _pos) = (cache, bits, pos);
        return (int)(Unsafe.ByteOffset(ref start, ref dst) / sizeof(int));
    }

    /// <summary>One Rice code of any length through the general bit reads, in the form the fast loop stores.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ReadRiceSlow(int k)
    {
        var zeros = ReadUnary(int.MaxValue - 64);
        return (int)(((uint)zeros << k) + (1u << k) + ReadBits(k));
    }

    /// <summary>Top bits + q·2^k → q·2^k + low (minus <paramref name="twoToK"/>) → signed (zigzag), in place.</summary>
    private static void Unfold(Span<uint> values, uint twoToK)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var bias = new Vector<uint>(twoToK);
            for (; i <= values.Length - Vector<uint>.Count; i += Vector<uint>.Count)
            {
                var folded = new Vector<uint>(values[i..]) - bias;
                ((folded >> 1) ^ (Vector<uint>.Zero - (folded & Vector<uint>.One))).CopyTo(values[i..]);
            }
        }

        for (; i < values.Length; i++)
        {
            var folded = values[i] - twoToK;
            values[i] = (folded >> 1) ^ (0u - (folded & 1));
        }
    }
}
