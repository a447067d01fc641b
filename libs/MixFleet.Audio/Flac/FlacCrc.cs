using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MixFleet.Audio.Flac;

/// <summary>
/// The two FLAC checksums (RFC 9639 §9.1.8 and §9.3): CRC-8 of a frame header (polynomial x^8 + x^2 + x + 1, 0x07)
/// and CRC-16 of a whole frame (x^16 + x^15 + x^2 + 1, 0x8005), both MSB-first with initial value 0. CRC-16 runs
/// over every byte of the audio, so it is computed eight bytes at a time (slicing-by-8).
/// </summary>
internal static class FlacCrc
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
        uint crc = 0;
        // One flat table, 256 entries per slice; indices are bytes, so reads stay inside it without bounds checks.
        ref var t = ref MemoryMarshal.GetArrayDataReference(Crc16Table);
        ref var p = ref MemoryMarshal.GetReference(data);
        var i = 0;
        for (; i <= data.Length - 8; i += 8)
        {
            var word = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i))) ^ ((ulong)crc << 48);
            crc = (uint)(Unsafe.Add(ref t, (7 << 8) | (int)(word >> 56)) ^ Unsafe.Add(ref t, (6 << 8) | ((int)(word >> 48) & 0xFF))
                ^ Unsafe.Add(ref t, (5 << 8) | ((int)(word >> 40) & 0xFF)) ^ Unsafe.Add(ref t, (4 << 8) | ((int)(word >> 32) & 0xFF))
                ^ Unsafe.Add(ref t, (3 << 8) | ((int)(word >> 24) & 0xFF)) ^ Unsafe.Add(ref t, (2 << 8) | ((int)(word >> 16) & 0xFF))
                ^ Unsafe.Add(ref t, (1 << 8) | ((int)(word >> 8) & 0xFF)) ^ Unsafe.Add(ref t, (int)word & 0xFF));
        }

        for (; i < data.Length; i++)
        {
            crc = ((crc << 8) ^ Unsafe.Add(ref t, (int)((crc >> 8) ^ Unsafe.Add(ref p, i)) & 0xFF)) & 0xFFFF;
        }

        return (ushort)crc;
    }

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

    // Slice k, entry b: the CRC-16 of byte b followed by k zero bytes, so eight bytes fold into one lookup each.
    private static ushort[] BuildCrc16()
    {
        var tables = new ushort[8][];
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

        for (var k = 1; k < 8; k++)
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
