namespace MixFleet.Benchmarks.Signals;

/// <summary>Builds a canonical 24-bit PCM WAV file in memory from planar float samples.</summary>
public static class WavFile
{
    /// <summary>The bytes of a RIFF/WAVE file holding <paramref name="planar"/> as 24-bit little-endian PCM.</summary>
    public static byte[] Pcm24(float[][] planar, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(planar);
        const int bytesPerSample = 3;
        var channels = planar.Length;
        var frames = planar[0].Length;
        var dataBytes = frames * channels * bytesPerSample;
        using var stream = new MemoryStream(44 + dataBytes);
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.ASCII, leaveOpen: true))
        {
            writer.Write("RIFF"u8);
            writer.Write(36 + dataBytes);
            writer.Write("WAVE"u8);
            writer.Write("fmt "u8);
            writer.Write(16);
            writer.Write((short)1); // WAVE_FORMAT_PCM
            writer.Write((short)channels);
            writer.Write(sampleRate);
            writer.Write(sampleRate * channels * bytesPerSample);
            writer.Write((short)(channels * bytesPerSample));
            writer.Write((short)(8 * bytesPerSample));
            writer.Write("data"u8);
            writer.Write(dataBytes);
            Span<byte> sample = stackalloc byte[bytesPerSample];
            for (var n = 0; n < frames; n++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var value = (int)Math.Clamp(Math.Round(planar[c][n] * 8_388_608.0), -8_388_608, 8_388_607);
                    sample[0] = (byte)value;
                    sample[1] = (byte)(value >> 8);
                    sample[2] = (byte)(value >> 16);
                    writer.Write(sample);
                }
            }
        }

        return stream.ToArray();
    }
}
