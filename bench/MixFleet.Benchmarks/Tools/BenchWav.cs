using System.Buffers.Binary;

namespace MixFleet.Benchmarks.Tools;

/// <summary>Test signals for the fleet benchmarks, as PCM WAV files in memory.</summary>
internal static class BenchWav
{
    /// <summary>A 1 kHz sine at <paramref name="peakDbfs"/> in every channel, 24-bit PCM WAV.</summary>
    public static byte[] Sine(double peakDbfs, double seconds, int channels, int sampleRate = 48_000)
    {
        var amplitude = Math.Pow(10, peakDbfs / 20);
        var frames = (int)(seconds * sampleRate);
        var frameBytes = 3 * channels;
        var file = new byte[44 + (frames * frameBytes)];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        "WAVEfmt "u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(28), (uint)(sampleRate * frameBytes));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(32), (ushort)frameBytes);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(34), 24);
        "data"u8.CopyTo(file.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(40), (uint)(frames * frameBytes));
        for (var i = 0; i < frames; i++)
        {
            var code = (int)Math.Round(amplitude * Math.Sin(2 * Math.PI * 1000 * i / sampleRate) * 8_388_607.0);
            for (var c = 0; c < channels; c++)
            {
                var at = 44 + (i * frameBytes) + (3 * c);
                file[at] = (byte)code;
                file[at + 1] = (byte)(code >> 8);
                file[at + 2] = (byte)(code >> 16);
            }
        }

        return file;
    }
}
