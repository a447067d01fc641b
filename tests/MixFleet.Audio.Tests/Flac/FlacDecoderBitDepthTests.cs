namespace MixFleet.Audio.Tests.Flac;

/// <summary>
/// Bit depths and channel counts ffmpeg 5.1 cannot encode, from <see cref="FlacTestEncoder"/>: the decoded floats must
/// equal the integers written, divided by 2^(bits−1) — and the decoder's MD5 check must accept them.
/// </summary>
public sealed class FlacDecoderBitDepthTests
{
    [Theory]
    [InlineData(8, 1)]
    [InlineData(8, 2)]
    [InlineData(12, 2)]
    [InlineData(12, 3)]
    [InlineData(16, 4)]
    [InlineData(20, 2)]
    [InlineData(20, 5)]
    [InlineData(24, 7)]
    [InlineData(24, 8)]
    [InlineData(32, 1)]
    [InlineData(32, 2)]
    [InlineData(32, 6)]
    public void Decode_TestEncoderStream_EqualsTheIntegersWritten(int bits, int channels)
    {
        var samples = Signal(bits, channels, (FlacTestEncoder.BlockSize * 4) + 1000, seed: (bits * 10) + channels);
        var file = FlacTestEncoder.Encode(samples, bits, 48_000);

        using var reader = new FlacDecoder().Open(new MemoryStream(file), "encoded.flac");
        var decoded = Ffmpeg.FfmpegTestMedia.ReadAll(reader, 1500);

        Assert.Equal((bits, channels, samples[0].Length), (reader.Info.BitDepth!.Value, reader.Info.Channels, (int)reader.Info.TotalFrames!.Value));
        var expected = samples.Select(ch => ch.Select(v => (float)(v / Math.Pow(2, bits - 1))).ToArray()).ToArray();
        FlacDecoderFormatTests.AssertSamplesEqual(expected, decoded);
    }

    [Fact]
    public void Decode_ThirtyTwoBitStereoNearFullScale_UsesTheThirtyThreeBitSideChannel()
    {
        // Left near +full scale, right near −full scale: side = L − R needs 33 bits.
        var left = Enumerable.Range(0, 9000).Select(i => int.MaxValue - 1000 - (i % 700)).ToArray();
        var right = Enumerable.Range(0, 9000).Select(i => int.MinValue + 1000 + (i % 500)).ToArray();
        var file = FlacTestEncoder.Encode([left, right], 32, 96_000);

        using var reader = new FlacDecoder().Open(new MemoryStream(file), "wide.flac");
        var decoded = Ffmpeg.FfmpegTestMedia.ReadAll(reader);

        FlacDecoderFormatTests.AssertSamplesEqual(
            [left.Select(v => (float)(v / 2147483648.0)).ToArray(), right.Select(v => (float)(v / 2147483648.0)).ToArray()], decoded);
    }

    // Music-like integers: a few sines and noise per channel, every fourth channel with its low 4 bits zero (wasted
    // bits), one channel constant for a stretch (constant subframes), full scale reached now and then.
    private static int[][] Signal(int bits, int channels, int length, int seed)
    {
        var random = new Random(seed);
        var max = (1L << (bits - 1)) - 1;
        var result = new int[channels][];
        for (var c = 0; c < channels; c++)
        {
            var f1 = 0.001 + (random.NextDouble() * 0.05);
            var f2 = 0.05 + (random.NextDouble() * 0.2);
            result[c] = new int[length];
            for (var i = 0; i < length; i++)
            {
                var x = (0.6 * Math.Sin(f1 * i)) + (0.3 * Math.Sin((f2 * i) + c)) + (0.1 * ((random.NextDouble() * 2) - 1));
                var v = (long)Math.Clamp(Math.Round(x * 1.05 * max), -max - 1, max);
                if (c % 4 == 3 && bits > 8)
                {
                    v &= ~0xFL;
                }

                if (c == 0 && i >= 4096 && i < 8192)
                {
                    v = 1234 % max;
                }

                result[c][i] = (int)v;
            }
        }

        return result;
    }
}
