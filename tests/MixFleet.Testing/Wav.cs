using System.Buffers.Binary;

namespace MixFleet.Testing;

/// <summary>Builds 24-bit PCM WAV files in memory, byte by byte, independent of the decoder under test.</summary>
public static class Wav
{
    /// <summary>A stereo 1 kHz sine at <paramref name="peakDbfs"/>: by EBU Tech 3341's construction it reads that many LUFS.</summary>
    public static byte[] Sine(double peakDbfs, double seconds, int sampleRate = 48_000)
    {
        var amplitude = Math.Pow(10, peakDbfs / 20);
        var frames = (int)(seconds * sampleRate);
        const int BlockAlign = 6;
        var data = new byte[frames * BlockAlign];
        for (var i = 0; i < frames; i++)
        {
            var code = (int)Math.Clamp(Math.Round(amplitude * Math.Sin(2 * Math.PI * 1000 * i / sampleRate) * 8_388_608.0), -8_388_608, 8_388_607);
            for (var c = 0; c < 2; c++)
            {
                var at = (i * BlockAlign) + (3 * c);
                data[at] = (byte)code;
                data[at + 1] = (byte)(code >> 8);
                data[at + 2] = (byte)(code >> 16);
            }
        }

        var file = new byte[44 + data.Length];
        var header = file.AsSpan(0, 44);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + data.Length));
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * BlockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 24);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)data.Length);
        data.CopyTo(file, 44);
        return file;
    }

    /// <summary>
    /// <see cref="Sine"/> with a fade-in and a fade-out that are straight lines in dB, <paramref name="fadeDepthDb"/>
    /// deep: the sine's level (its body) is still known in closed form.
    /// </summary>
    public static byte[] FadedSine(double peakDbfs, double seconds, double fadeInSeconds, double fadeOutSeconds, double fadeDepthDb = -30, int sampleRate = 48_000)
    {
        var file = Sine(peakDbfs, seconds, sampleRate);
        var frames = (int)(seconds * sampleRate);
        var fadeIn = (int)Math.Round(fadeInSeconds * sampleRate);
        var fadeOut = (int)Math.Round(fadeOutSeconds * sampleRate);
        for (var i = 0; i < frames; i++)
        {
            var gainDb = i < fadeIn ? fadeDepthDb * (fadeIn - i) / fadeIn : i >= frames - fadeOut ? fadeDepthDb * (i - (frames - fadeOut) + 1) / fadeOut : 0;
            if (gainDb == 0)
            {
                continue;
            }

            for (var c = 0; c < 2; c++)
            {
                var at = 44 + (i * 6) + (3 * c);
                var code = (file[at] | (file[at + 1] << 8) | (file[at + 2] << 16)) << 8 >> 8;
                var faded = (int)Math.Round(code * Math.Pow(10, gainDb / 20));
                file[at] = (byte)faded;
                file[at + 1] = (byte)(faded >> 8);
                file[at + 2] = (byte)(faded >> 16);
            }
        }

        return file;
    }

    /// <summary>A RIFF/WAVE file whose fmt chunk is cut short: the PCM reader rejects its header.</summary>
    public static byte[] Corrupt()
    {
        var file = new byte[64];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), 56);
        "WAVEfmt "u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), 4);
        return file;
    }
}
