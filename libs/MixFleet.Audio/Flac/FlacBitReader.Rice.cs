using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MixFleet.Audio.Flac;

/// <summary>The residual hot loop: Rice codes read with a leading-zero count on the 64-bit cache.</summary>
internal sealed partial class FlacBitReader
{
    /// <summary>
    /// Reads <paramref name="destination"/>.Length Rice-coded residuals with parameter <paramref name="k"/> (0–30)
    /// (RFC 9639 §9.2.7.3: the quotient in unary, zeros ended by a one, then <paramref name="k"/> low bits; the value
    /// folded to signed by zigzag). The cache state lives in locals for the whole partition.
    /// </summary>
    public void ReadRice(Span<int> destination, int k)
    {
        var cache = _cache;
        var bits = _bits;
        var pos = _pos;
        var buffer = _buffer;
        var fastEnd = _end - 8;
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var count = destination.Length;
        var lowShift = 63 - k;
        for (var i = 0; i < count; i++)
        {
            if (bits < 32)
            {
                if (pos <= fastEnd)
                {
                    // pos <= fastEnd: the eight bytes are inside the buffer, read without a bounds check.
                    cache |= BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), pos))) >> bits;
                    pos += (63 - bits) >> 3;
                    bits |= 56;
                }
                else
                {
                    (_cache, _bits, _pos) = (cache, bits, pos);
                    RefillSlow();
                    (cache, bits, pos, buffer, fastEnd) = (_cache, _bits, _pos, _buffer, _end - 8);
                }
            }

            var zeros = BitOperations.LeadingZeroCount(cache);
            var used = zeros + 1 + k;
            if (used > bits)
            {
                // A quotient or code longer than the cache holds: rare, take the general path.
                (_cache, _bits, _pos) = (cache, bits, pos);
                Unsafe.Add(ref dst, i) = ReadRiceSlow(k);
                (cache, bits, pos, buffer, fastEnd) = (_cache, _bits, _pos, _buffer, _end - 8);
                continue;
            }

            var low = (uint)((cache << zeros << 1) >> lowShift >> 1);
            var folded = ((uint)zeros << k) | low;
            Unsafe.Add(ref dst, i) = (int)(folded >> 1) ^ -(int)(folded & 1);
            cache <<= used;
            bits -= used;
        }

        (_cache, _bits, _pos) = (cache, bits, pos);
    }

    /// <summary>One Rice code of any length, through the general bit reads.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ReadRiceSlow(int k)
    {
        var zeros = ReadUnary(int.MaxValue - 64);
        var folded = ((uint)zeros << k) | ReadBits(k);
        return (int)(folded >> 1) ^ -(int)(folded & 1);
    }
}
