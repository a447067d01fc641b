using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MixFleet.Audio.Tests.Flac;

/// <summary>
/// A FLAC file split into its head (marker and metadata blocks) and its frames, for tests that damage or rebuild
/// streams. Written here from RFC 9639 with its own CRCs, independent of the decoder under test: a frame ends where
/// the next valid header starts and the CRC-16 of the bytes between (stored CRC included) is zero.
/// </summary>
internal sealed class FlacFileParts
{
    public required byte[] Head { get; init; }

    public required List<byte[]> Frames { get; init; }

    public byte[] ToBytes() => [.. Head, .. Frames.SelectMany(f => f)];

    public static FlacFileParts Parse(byte[] file)
    {
        var pos = 4;
        bool last;
        do
        {
            last = (file[pos] & 0x80) != 0;
            pos += 4 + ((file[pos + 1] << 16) | (file[pos + 2] << 8) | file[pos + 3]);
        }
        while (!last);

        var head = file[..pos];
        var frames = new List<byte[]>();
        while (pos < file.Length)
        {
            var end = pos + 1;
            while (end < file.Length && !(HeaderLength(file, end) > 0 && Crc16(file.AsSpan(pos, end - pos)) == 0))
            {
                end++;
            }

            frames.Add(file[pos..end]);
            pos = end;
        }

        return new FlacFileParts { Head = head, Frames = frames };
    }

    /// <summary>Length of a valid frame header (CRC-8 included) at <paramref name="at"/>, or 0.</summary>
    public static int HeaderLength(byte[] file, int at)
    {
        if (at + 6 > file.Length || file[at] != 0xFF || (file[at + 1] & 0xFE) != 0xF8)
        {
            return 0;
        }

        var length = 4 + CodedNumberLength(file[at + 4]);
        length += (file[at + 2] >> 4) switch { 6 => 1, 7 => 2, _ => 0 };
        length += (file[at + 2] & 15) switch { 12 => 1, 13 or 14 => 2, _ => 0 };
        return at + length < file.Length && Crc8(file.AsSpan(at, length)) == file[at + length] ? length + 1 : 0;
    }

    /// <summary>Rewrites a frame as a variable-block-size frame starting at <paramref name="sampleNumber"/>; both CRCs recomputed.</summary>
    public static byte[] AsVariableBlockSize(byte[] frame, long sampleNumber)
    {
        var numberLength = CodedNumberLength(frame[4]);
        var oldHeader = HeaderLength(frame, 0) - 1;
        byte[] header = [0xFF, 0xF9, frame[2], frame[3], .. EncodeNumber(sampleNumber), .. frame.AsSpan(4 + numberLength, oldHeader - 4 - numberLength)];
        byte[] body = [.. header, Crc8(header), .. frame.AsSpan(oldHeader + 1, frame.Length - oldHeader - 3)];
        var crc = Crc16(body);
        return [.. body, (byte)(crc >> 8), (byte)crc];
    }

    /// <summary>Sets STREAMINFO's block sizes, total samples and MD5 in <paramref name="head"/>.</summary>
    public static void SetStreamInfo(byte[] head, int minBlock, int maxBlock, long totalSamples, byte[] md5)
    {
        var info = head.AsSpan(8);
        BinaryPrimitives.WriteUInt16BigEndian(info, (ushort)minBlock);
        BinaryPrimitives.WriteUInt16BigEndian(info[2..], (ushort)maxBlock);
        info[13] = (byte)((info[13] & 0xF0) | (int)(totalSamples >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(info[14..], (uint)totalSamples);
        md5.CopyTo(info[18..]);
    }

    /// <summary>The STREAMINFO MD5 of integer samples (RFC 9639 §8.2): interleaved little-endian, ⌈bits/8⌉ bytes each.</summary>
    public static byte[] Md5(int[][] channels, int bits)
    {
        var width = (bits + 7) / 8;
        var bytes = new List<byte>();
        for (var i = 0; i < channels[0].Length; i++)
        {
            foreach (var channel in channels)
            {
                for (var b = 0; b < width; b++)
                {
                    bytes.Add((byte)(channel[i] >> (8 * b)));
                }
            }
        }

#pragma warning disable CA5351 // the format's own checksum
        return MD5.HashData(bytes.ToArray());
#pragma warning restore CA5351
    }

    public static byte Crc8(ReadOnlySpan<byte> data)
    {
        var crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }

        return (byte)crc;
    }

    public static int Crc16(ReadOnlySpan<byte> data)
    {
        var crc = 0;
        foreach (var b in data)
        {
            crc ^= b << 8;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return crc;
    }

    private static int CodedNumberLength(byte lead) => lead < 0x80 ? 1 : System.Numerics.BitOperations.LeadingZeroCount((uint)(byte)~lead << 24);

    private static byte[] EncodeNumber(long value)
    {
        if (value < 0x80)
        {
            return [(byte)value];
        }

        var length = 2;
        while (value >= 1L << ((5 * length) + 1))
        {
            length++;
        }

        var bytes = new byte[length];
        for (var i = length - 1; i > 0; i--)
        {
            bytes[i] = (byte)(0x80 | (value & 0x3F));
            value >>= 6;
        }

        bytes[0] = (byte)((0xFF00 >> length) | (int)value);
        return bytes;
    }
}
