using System.Buffers.Binary;

namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// Mutations of the sample data itself, which a PCM decoder must pass through: IEEE specials (NaN, ±∞, huge,
/// subnormal) in float files, full-scale and silent runs in integer ones, the whole body silenced.
/// </summary>
internal static class SampleMutations
{
    public static string Apply(MutableBytes file, int dataOffset, int dataLength, bool isFloat, bool bigEndian, int bytesPerSample)
    {
        var random = file.Random;
        dataLength = Math.Min(dataLength, file.Count - dataOffset);
        if (dataLength < 8 || bytesPerSample <= 0)
        {
            return ByteMutations.Apply(file);
        }

        if (random.Next(5) == 0)
        {
            for (var i = dataOffset; i < dataOffset + dataLength; i++)
            {
                file.Data[i] = 0;
            }

            return "every sample byte zeroed";
        }

        var samples = dataLength / bytesPerSample;
        var start = random.Next(samples);
        var count = Math.Min(samples - start, random.Next(3) == 0 ? random.Next(1, samples + 1) : random.Next(1, 16));
        if (isFloat)
        {
            // The format fields may have been mutated already: write 32-bit floats unless the samples are 64-bit.
            bytesPerSample = bytesPerSample == 8 ? 8 : 4;
            samples = dataLength / bytesPerSample;
            start = random.Next(samples);
            count = Math.Min(samples - start, count);
            double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, float.MaxValue, -float.MaxValue, 1e30, 1e-42, 2.0, -100.0];
            var value = file.Pick(specials);
            for (var i = 0; i < count; i++)
            {
                var at = dataOffset + ((start + i) * bytesPerSample);
                var bytes = new byte[bytesPerSample];
                if (bytesPerSample == 8)
                {
                    if (bigEndian) { BinaryPrimitives.WriteDoubleBigEndian(bytes, value); } else { BinaryPrimitives.WriteDoubleLittleEndian(bytes, value); }
                }
                else
                {
                    if (bigEndian) { BinaryPrimitives.WriteSingleBigEndian(bytes, (float)value); } else { BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)value); }
                }

                for (var b = 0; b < bytesPerSample && at + b < file.Count; b++)
                {
                    file.Data[at + b] = bytes[b];
                }
            }

            return $"{count} float sample(s) from {start} set to {value}";
        }

        var fill = file.Pick<byte>([0x00, 0x7F, 0x80, 0xFF]);
        for (var i = dataOffset + (start * bytesPerSample); i < dataOffset + ((start + count) * bytesPerSample) && i < file.Count; i++)
        {
            file.Data[i] = fill;
        }

        return $"{count} sample(s) from {start} filled with 0x{fill:X2}";
    }
}
