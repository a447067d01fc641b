using System.Buffers.Binary;
using System.Text;

namespace MixFleet.Audio.Tests.Support;

/// <summary>
/// Builds WAV/RF64/AIFF files byte by byte from synthesized signals, independently of the reader under test.
/// </summary>
internal static class TestFileWriter
{
    /// <summary>A ramp from −1 to just under +1 (inclusive of −1.0 so negative full scale is exercised).</summary>
    public static double[] Ramp(int frames) => Enumerable.Range(0, frames).Select(i => -1.0 + (2.0 * i / frames)).ToArray();

    public static double[] Sine(int frames, double cyclesPerFrame, double amplitude = 0.9)
        => Enumerable.Range(0, frames).Select(i => amplitude * Math.Sin(2 * Math.PI * cyclesPerFrame * i)).ToArray();

    /// <summary>Signed integer codes: round(x·2^(bits−1)), clamped to the representable range.</summary>
    public static long[] Quantize(double[] signal, int bits)
    {
        var full = 1L << (bits - 1);
        return signal.Select(x => Math.Clamp((long)Math.Round(x * full), -full, full - 1)).ToArray();
    }

    /// <summary>The float value a reader should produce for each quantized code: code / 2^(bits−1).</summary>
    public static float[] Expected(long[] codes, int bits) => codes.Select(c => (float)(c / (double)(1L << (bits - 1)))).ToArray();

    /// <summary>Interleaves integer codes; 8-bit WAV is stored offset by 128 (unsigned).</summary>
    public static byte[] EncodeInt(long[][] channels, int bits, bool bigEndian, bool unsigned8 = false)
    {
        var bytes = bits / 8;
        var frames = channels[0].Length;
        var output = new byte[frames * channels.Length * bytes];
        var p = 0;
        for (var f = 0; f < frames; f++)
        {
            foreach (var channel in channels)
            {
                var v = channel[f] + (bits == 8 && unsigned8 ? 128 : 0);
                for (var b = 0; b < bytes; b++)
                {
                    var shift = bigEndian ? 8 * (bytes - 1 - b) : 8 * b;
                    output[p++] = (byte)(v >> shift);
                }
            }
        }

        return output;
    }

    public static byte[] EncodeFloat(double[][] channels, int bits, bool bigEndian)
    {
        var frames = channels[0].Length;
        var output = new byte[frames * channels.Length * bits / 8];
        var span = output.AsSpan();
        var p = 0;
        for (var f = 0; f < frames; f++)
        {
            foreach (var channel in channels)
            {
                if (bits == 32)
                {
                    if (bigEndian) BinaryPrimitives.WriteSingleBigEndian(span[p..], (float)channel[f]);
                    else BinaryPrimitives.WriteSingleLittleEndian(span[p..], (float)channel[f]);
                    p += 4;
                }
                else
                {
                    if (bigEndian) BinaryPrimitives.WriteDoubleBigEndian(span[p..], channel[f]);
                    else BinaryPrimitives.WriteDoubleLittleEndian(span[p..], channel[f]);
                    p += 8;
                }
            }
        }

        return output;
    }

    /// <summary>A chunk: 4-char id, 32-bit size (or <paramref name="sizeOverride"/>), body, pad byte when odd.</summary>
    public static byte[] Chunk(string id, byte[] body, bool bigEndian = false, uint? sizeOverride = null)
    {
        var output = new List<byte>(Encoding.ASCII.GetBytes(id));
        output.AddRange(U32(sizeOverride ?? (uint)body.Length, bigEndian));
        output.AddRange(body);
        if (body.Length % 2 == 1)
        {
            output.Add(0);
        }

        return output.ToArray();
    }

    public static byte[] Fmt(ushort tag, int channels, int sampleRate, int bits, int? blockAlign = null, int? size = null)
    {
        var align = blockAlign ?? channels * bits / 8;
        var body = Concat(U16(tag), U16((ushort)channels), U32((uint)sampleRate), U32((uint)(sampleRate * align)), U16((ushort)align), U16((ushort)bits));
        return Chunk("fmt ", size is { } s ? body[..s] : body);
    }

    /// <summary>WAVE_FORMAT_EXTENSIBLE with a KSDATAFORMAT_SUBTYPE GUID built from <paramref name="subTag"/>.</summary>
    public static byte[] FmtExtensible(int channels, int sampleRate, int bits, int validBits, uint mask, ushort subTag)
    {
        var align = channels * bits / 8;
        byte[] guidTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        var body = Concat(
            U16(0xFFFE), U16((ushort)channels), U32((uint)sampleRate), U32((uint)(sampleRate * align)), U16((ushort)align), U16((ushort)bits),
            U16(22), U16((ushort)validBits), U32(mask), U16(subTag), guidTail);
        return Chunk("fmt ", body);
    }

    public static byte[] Data(byte[] samples, uint? sizeOverride = null) => Chunk("data", samples, sizeOverride: sizeOverride);

    /// <summary>RIFF/RF64/BW64 header (+ WAVE) followed by the chunks.</summary>
    public static byte[] Riff(params byte[][] chunks) => Wave("RIFF", chunks);

    public static byte[] Wave(string id, params byte[][] chunks)
    {
        var body = Concat(chunks);
        return Concat(Encoding.ASCII.GetBytes(id), U32(id == "RIFF" ? (uint)(body.Length + 4) : uint.MaxValue), "WAVE"u8.ToArray(), body);
    }

    /// <summary>A ds64 chunk (riff size, data size, sample count, empty table).</summary>
    public static byte[] Ds64(long riffSize, long dataSize, long sampleCount)
        => Chunk("ds64", Concat(U64((ulong)riffSize), U64((ulong)dataSize), U64((ulong)sampleCount), U32(0)));

    /// <summary>FORM header with type AIFF or AIFC followed by the chunks.</summary>
    public static byte[] Form(string type, params byte[][] chunks)
    {
        var body = Concat(chunks);
        return Concat("FORM"u8.ToArray(), U32((uint)(body.Length + 4), bigEndian: true), Encoding.ASCII.GetBytes(type), body);
    }

    public static byte[] Comm(int channels, uint frames, int sampleSize, byte[] rate80, string? compression = null)
    {
        var body = Concat(U16((ushort)channels, true), U32(frames, true), U16((ushort)sampleSize, true), rate80);
        if (compression is not null)
        {
            body = Concat(body, Encoding.ASCII.GetBytes(compression), [0]); // empty pascal string (1 byte) → odd size, padded
        }

        return Chunk("COMM", body, bigEndian: true);
    }

    public static byte[] Ssnd(byte[] samples, uint offset = 0)
        => Chunk("SSND", Concat(U32(offset, true), U32(0, true), new byte[offset], samples), bigEndian: true);

    /// <summary>
    /// 80-bit extended encoding of a positive integer rate: exponent = floor(log2 rate), mantissa = rate shifted so its
    /// top bit is bit 63 (explicit integer bit).
    /// </summary>
    public static byte[] Rate80(uint rate)
    {
        var exponent = 31 - System.Numerics.BitOperations.LeadingZeroCount(rate);
        var mantissa = (ulong)rate << (63 - exponent);
        return Concat(U16((ushort)(16383 + exponent), true), U64(mantissa, true));
    }

    public static byte[] U16(ushort v, bool bigEndian = false)
    {
        var b = new byte[2];
        if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v);
        else BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        return b;
    }

    public static byte[] U32(uint v, bool bigEndian = false)
    {
        var b = new byte[4];
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v);
        else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    public static byte[] U64(ulong v, bool bigEndian = false)
    {
        var b = new byte[8];
        if (bigEndian) BinaryPrimitives.WriteUInt64BigEndian(b, v);
        else BinaryPrimitives.WriteUInt64LittleEndian(b, v);
        return b;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
