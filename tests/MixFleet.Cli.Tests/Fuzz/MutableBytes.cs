using System.Buffers.Binary;

namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// A file being mutated, with the field writers and the "interesting value" pickers the mutations share. Writes past
/// the end are dropped (an earlier truncation may have removed the field), never extended.
/// </summary>
internal sealed class MutableBytes(byte[] bytes, Random random)
{
    private static readonly uint[] InterestingU32 =
        [0, 1, 2, 3, 4, 7, 8, 15, 16, 17, 18, 22, 28, 39, 40, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF];

    private static readonly ulong[] InterestingU64 =
        [0, 1, 0xFFFFFFFF, 0x100000000, 10L << 30, 1L << 40, 1UL << 62, long.MaxValue, 1UL << 63, ulong.MaxValue - 1, ulong.MaxValue];

    public List<byte> Data { get; } = [.. bytes];

    public Random Random { get; } = random;

    public int Count => Data.Count;

    public byte[] ToArray() => [.. Data];

    /// <summary>A position, half the time among the first 512 bytes where the headers are.</summary>
    public int Position() => Count == 0 ? 0 : Random.Next(2) == 0 ? Random.Next(Math.Min(Count, 512)) : Random.Next(Count);

    public T Pick<T>(IReadOnlyList<T> values) => values[Random.Next(values.Count)];

    /// <summary>A value for a 32-bit size or count field: a classic edge, the field's own value ± 1, the bytes left, or noise.</summary>
    public uint U32(uint current, long remaining) => Random.Next(6) switch
    {
        0 => current + 1,
        1 => current - 1,
        2 => (uint)Math.Clamp(remaining + Random.Next(-2, 3), 0, uint.MaxValue),
        3 => (uint)Random.NextInt64(0, 1L << 32),
        _ => Pick(InterestingU32),
    };

    public ulong U64(ulong current, long remaining) => Random.Next(6) switch
    {
        0 => current + 1,
        1 => current - 1,
        2 => (ulong)Math.Max(0, remaining + Random.Next(-2, 3)),
        3 => (ulong)Random.NextInt64(),
        _ => Pick(InterestingU64),
    };

    public ushort U16(ushort current) => Random.Next(5) switch
    {
        0 => (ushort)(current + 1),
        1 => (ushort)(current - 1),
        2 => (ushort)Random.Next(65536),
        _ => Pick<ushort>([0, 1, 2, 3, 7, 8, 9, 12, 20, 24, 31, 32, 33, 48, 64, 255, 256, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF]),
    };

    public bool Fits(int offset, int length) => offset >= 0 && offset + length <= Count;

    public uint ReadU32LE(int offset) => Fits(offset, 4) ? BinaryPrimitives.ReadUInt32LittleEndian(Span(offset, 4)) : 0;

    public uint ReadU32BE(int offset) => Fits(offset, 4) ? BinaryPrimitives.ReadUInt32BigEndian(Span(offset, 4)) : 0;

    public ushort ReadU16LE(int offset) => Fits(offset, 2) ? BinaryPrimitives.ReadUInt16LittleEndian(Span(offset, 2)) : (ushort)0;

    public ushort ReadU16BE(int offset) => Fits(offset, 2) ? BinaryPrimitives.ReadUInt16BigEndian(Span(offset, 2)) : (ushort)0;

    public ulong ReadU64LE(int offset) => Fits(offset, 8) ? BinaryPrimitives.ReadUInt64LittleEndian(Span(offset, 8)) : 0;

    public void WriteU16LE(int offset, ushort value) => Write(offset, 2, s => BinaryPrimitives.WriteUInt16LittleEndian(s, value));

    public void WriteU32LE(int offset, uint value) => Write(offset, 4, s => BinaryPrimitives.WriteUInt32LittleEndian(s, value));

    public void WriteU64LE(int offset, ulong value) => Write(offset, 8, s => BinaryPrimitives.WriteUInt64LittleEndian(s, value));

    public void WriteU16BE(int offset, ushort value) => Write(offset, 2, s => BinaryPrimitives.WriteUInt16BigEndian(s, value));

    public void WriteU32BE(int offset, uint value) => Write(offset, 4, s => BinaryPrimitives.WriteUInt32BigEndian(s, value));

    public void WriteU64BE(int offset, ulong value) => Write(offset, 8, s => BinaryPrimitives.WriteUInt64BigEndian(s, value));

    public void WriteAscii(int offset, string fourcc) => Write(offset, fourcc.Length, s => System.Text.Encoding.Latin1.GetBytes(fourcc, s));

    public string ReadAscii(int offset, int length) =>
        Fits(offset, length) ? System.Text.Encoding.Latin1.GetString(Span(offset, length)) : string.Empty;

    /// <summary>Writes <paramref name="bitCount"/> bits (MSB first) at a bit offset: FLAC's packed fields.</summary>
    public void WriteBits(int byteOffset, int bitOffset, int bitCount, ulong value)
    {
        for (var i = 0; i < bitCount; i++)
        {
            var bit = bitOffset + i;
            var at = byteOffset + (bit / 8);
            if (at >= Count)
            {
                return;
            }

            var mask = (byte)(0x80 >> (bit % 8));
            var set = ((value >> (bitCount - 1 - i)) & 1) != 0;
            Data[at] = set ? (byte)(Data[at] | mask) : (byte)(Data[at] & ~mask);
        }
    }

    public ulong ReadBits(int byteOffset, int bitOffset, int bitCount)
    {
        ulong value = 0;
        for (var i = 0; i < bitCount; i++)
        {
            var bit = bitOffset + i;
            var at = byteOffset + (bit / 8);
            value = (value << 1) | (at < Count && (Data[at] & (0x80 >> (bit % 8))) != 0 ? 1UL : 0UL);
        }

        return value;
    }

    public byte[] Slice(int offset, int length) => Data.GetRange(offset, Math.Clamp(length, 0, Math.Max(0, Count - offset))).ToArray();

    public byte[] RandomBytes(int length)
    {
        var run = new byte[length];
        Random.NextBytes(run);
        return run;
    }

    private Span<byte> Span(int offset, int length) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Data).Slice(offset, length);

    private void Write(int offset, int length, SpanAction action)
    {
        if (Fits(offset, length))
        {
            action(Span(offset, length));
        }
    }

    private delegate void SpanAction(Span<byte> span);
}
