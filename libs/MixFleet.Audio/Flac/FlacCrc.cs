using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MixFleet.Audio.Flac;

/// <summary>
/// The two FLAC checksums (RFC 9639 §9.1.8 and §9.3): CRC-8 of a frame header (polynomial x^8 + x^2 + x + 1, 0x07)
/// and CRC-16 of a whole frame (x^16 + x^15 + x^2 + 1, 0x8005), both MSB-first with initial value 0. CRC-16 runs
/// over every byte of the audio: with carry-less multiplication where the CPU has it (FlacCrc.Folding.cs), otherwise
/// sixteen bytes at a time from tables (slicing-by-16), which also finish what the folding leaves.
/// </summary>
internal static partial class FlacCrc
{
    private static readonly byte[] Crc8Table = BuildCrc8();
    private static readonly ushort[] Crc16Table = BuildCrc16();

    /// <summary>CRC-8 of <paramref name="data"/>.</summary>
    public static byte Crc8(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (var b in data)
        {
            crc = Crc8Table[crc ^ b];
        }

        return crc;
    }

    /// <summary>CRC-16 of <paramref name="data"/>.</summary>
    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        if (FoldingSupported && data.Length >= FoldingMinimumBytes)
        {
            Span<byte> folded = stackalloc byte[16];
            var rest = Fold(data, folded);
            return Crc16Table16(rest, Crc16Table16(folded, 0));
        }

        return Crc16Table16(data, 0);
    }

    /// <summary>The slicing-by-16 CRC-16 of <paramref name="data"/>, continuing from <paramref name="initial"/>.</summary>
    internal static ushort Crc16Table16(ReadOnlySpan<byte> data, ushort initial)
    {
        uint crc = initial;
        // One flat table, 256 entries per slice; indices are bytes, so reads stay inside it without bounds checks.
        ref var t = ref MemoryMarshal.GetArrayDataReference(Crc16Table);
        ref var p = ref MemoryMarshal.GetReference(data);
        var i = 0;
        for (; i <= data.Length - 16; i += 16)
        {
            // Sixteen bytes per step: only the first two depend on the running CRC, so the loop-carried chain is
            // two lookups per 16 bytes; the other fourteen lookups run in parallel.
            var high = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i))) ^ ((ulong)crc << 48);
            var low = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i + 8)));
            crc = (uint)(Slice(ref t, 15, high >> 56) ^ Slice(ref t, 14, high >> 48) ^ Slice(ref t, 13, high >> 40) ^ Slice(ref t, 12, high >> 32)
                ^ Slice(ref t, 11, high >> 24) ^ Slice(ref t, 10, high >> 16) ^ Slice(ref t, 9, high >> 8) ^ Slice(ref t, 8, high)
                ^ Slice(ref t, 7, low >> 56) ^ Slice(ref t, 6, low >> 48) ^ Slice(ref t, 5, low >> 40) ^ Slice(ref t, 4, low >> 32)
                ^ Slice(ref t, 3, low >> 24) ^ Slice(ref t, 2, low >> 16) ^ Slice(ref t, 1, low >> 8) ^ Slice(ref t, 0, low));
        }

        for (; i < data.Length; i++)
        {
            crc = ((crc << 8) ^ Unsafe.Add(ref t, (int)((crc >> 8) ^ Unsafe.Add(ref p, i)) & 0xFF)) & 0xFFFF;
        }

        return (ushort)crc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort Slice(ref ushort table, int slice, ulong value) => Unsafe.Add(ref table, (slice << 8) | (int)(value & 0xFF));

    private static byte[] BuildCrc8()
    {
        var table = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1;
            }

            table[i] = (byte)crc;
        }

        return table;
    }

    // Slice k, entry b: the CRC-16 of byte b followed by k zero bytes, so sixteen bytes fold into one lookup each.
    private static ushort[] BuildCrc16()
    {
        var tables = new ushort[16][];
        tables[0] = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = i << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x8005 : crc << 1;
            }

            tables[0][i] = (ushort)crc;
        }

        for (var k = 1; k < 16; k++)
        {
            tables[k] = new ushort[256];
            for (var i = 0; i < 256; i++)
            {
                var previous = tables[k - 1][i];
                tables[k][i] = (ushort)((previous << 8) ^ tables[0][previous >> 8]);
            }
        }

        return tables.SelectMany(table => table).ToArray();
    }
}
