using System.Buffers.Binary;

namespace MixFleet.Cli.Tests.Support;

/// <summary>Writes 24-bit PCM WAV files byte by byte, independent of the decoder under test.</summary>
internal static class WavFile
{
    public static void Write24(string path, float[][] channels, int sampleRate)
    {
        var frames = channels[0].Length;
        var blockAlign = 3 * channels.Length;
        var data = new byte[frames * blockAlign];
        for (var i = 0; i < frames; i++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                var code = (int)Math.Clamp(Math.Round(channels[c][i] * 8_388_608.0), -8_388_608, 8_388_607);
                var at = (i * blockAlign) + (3 * c);
                data[at] = (byte)code;
                data[at + 1] = (byte)(code >> 8);
                data[at + 2] = (byte)(code >> 16);
            }
        }

        using var file = File.Create(path);
        Span<byte> header = stackalloc byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + data.Length));
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)channels.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 24);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)data.Length);
        file.Write(header);
        file.Write(data);
    }

    /// <summary>A stereo 1 kHz sine at <paramref name="peakDbfs"/>: by EBU Tech 3341's construction it reads that many LUFS.</summary>
    public static void WriteSine(string path, double peakDbfs, double seconds, int sampleRate = 48_000)
    {
        var amplitude = Math.Pow(10, peakDbfs / 20);
        var x = new float[(int)(seconds * sampleRate)];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * 1000 * i / sampleRate));
        }

        Write24(path, [x, x], sampleRate);
    }
}
