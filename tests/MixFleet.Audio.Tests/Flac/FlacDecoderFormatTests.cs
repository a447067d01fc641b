namespace MixFleet.Audio.Tests.Flac;

/// <summary>
/// Bit-exact equality with ffmpeg's FLAC decode on files ffmpeg encodes from the demo album (samples/): bit depths,
/// sample rates, channel counts, compression levels, predictor types, stereo modes and block sizes.
/// </summary>
public sealed class FlacDecoderFormatTests : IDisposable
{
    private readonly FlacTestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Theory]
    // 16-bit stereo 44.1 kHz at the three reference levels (0: fixed predictors only; 5: LPC ≤ 8; 8: LPC ≤ 12).
    [InlineData(FlacTestMedia.Stereo16, 44_100, 16, "0", new string[0])]
    [InlineData(FlacTestMedia.Stereo16, 44_100, 16, "5", new string[0])]
    [InlineData(FlacTestMedia.Stereo16Loud, 44_100, 16, "8", new string[0])]
    // 24-bit, each sample rate.
    [InlineData(FlacTestMedia.Stereo16, 44_100, 24, "8", new string[0])]
    [InlineData(FlacTestMedia.Stereo16Loud, 48_000, 24, "5", new string[0])]
    [InlineData(FlacTestMedia.Stereo16, 96_000, 24, "8", new string[0])]
    [InlineData(FlacTestMedia.Stereo16Loud, 192_000, 24, "0", new string[0])]
    [InlineData(FlacTestMedia.Stereo16, 48_000, 16, "5", new string[0])]
    // Mono, 24-bit (the album's own 24-bit track) and 16-bit.
    [InlineData(FlacTestMedia.Mono24, 44_100, 24, "8", new string[0])]
    [InlineData(FlacTestMedia.Mono24, 96_000, 16, "5", new string[0])]
    // Each stereo decorrelation mode forced.
    [InlineData(FlacTestMedia.Stereo16, 44_100, 16, "5", new[] { "-ch_mode", "indep" })]
    [InlineData(FlacTestMedia.Stereo16, 44_100, 24, "5", new[] { "-ch_mode", "left_side" })]
    [InlineData(FlacTestMedia.Stereo16Loud, 44_100, 16, "5", new[] { "-ch_mode", "right_side" })]
    [InlineData(FlacTestMedia.Stereo16Loud, 48_000, 24, "5", new[] { "-ch_mode", "mid_side" })]
    // Predictor and residual variants: LPC orders up to 32, Levinson and Cholesky, exact Rice parameters (5-bit
    // parameters appear on loud 24-bit material), partition orders up to 8, low coefficient precision.
    [InlineData(FlacTestMedia.Stereo16Loud, 96_000, 24, "8", new[] { "-max_prediction_order", "32", "-lpc_type", "cholesky", "-lpc_passes", "3" })]
    [InlineData(FlacTestMedia.Stereo16, 44_100, 16, "8", new[] { "-min_prediction_order", "13", "-max_prediction_order", "16", "-lpc_type", "levinson" })]
    [InlineData(FlacTestMedia.Stereo16Loud, 48_000, 24, "8", new[] { "-exact_rice_parameters", "1", "-max_partition_order", "8" })]
    [InlineData(FlacTestMedia.Stereo16, 44_100, 16, "5", new[] { "-lpc_coeff_precision", "5", "-prediction_order_method", "search" })]
    [InlineData(FlacTestMedia.Mono24, 44_100, 24, "5", new[] { "-lpc_type", "fixed" })]
    // Block sizes: tiny, odd, and large (a frame's block size coded in 8 and 16 bits, and the short last frame).
    [InlineData(FlacTestMedia.Stereo16, 44_100, 16, "5", new[] { "-frame_size", "192" })]
    [InlineData(FlacTestMedia.Stereo16, 48_000, 24, "5", new[] { "-frame_size", "1000" })]
    [InlineData(FlacTestMedia.Stereo16Loud, 44_100, 16, "8", new[] { "-frame_size", "16384" })]
    public void Decode_FfmpegEncodedFile_IsBitExactWithFfmpegDecode(string source, int rate, int bits, string level, string[] options)
    {
        var name = $"{Path.GetFileNameWithoutExtension(source)[..2]}-{rate}-{bits}-{level}-{string.Join('_', options)}.flac";
        var path = _media.Encode(
            name, source, ["-ar", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sample_fmt", bits == 16 ? "s16" : "s32", "-compression_level", level, .. options]);

        var (info, decoded) = FlacTestMedia.Decode(path, blockFrames: 1000);
        var expected = FlacTestMedia.ReferenceDecode(path, info.Channels);

        Assert.Equal(("flac", rate, bits), (info.Codec, info.SampleRate, info.BitDepth));
        Assert.Equal(expected[0].Length, info.TotalFrames);
        AssertSamplesEqual(expected, decoded);
    }

    [Theory]
    [InlineData(16, "5")]
    [InlineData(24, "8")]
    [InlineData(24, "0")]
    public void Decode_FivePointOne_IsBitExactWithFfmpegDecodeAndHasTheFlacLayout(int bits, string level)
    {
        // Six different channels from the album's three tracks and filtered copies of them.
        var path = _media.Ffmpeg(
            $"surround-{bits}-{level}.flac",
            "-i", FlacTestMedia.Sample(FlacTestMedia.Stereo16), "-i", FlacTestMedia.Sample(FlacTestMedia.Stereo16Loud), "-i", FlacTestMedia.Sample(FlacTestMedia.Mono24),
            "-filter_complex", "[0:a]atrim=0:4[a];[1:a]atrim=0:4,lowpass=f=3000[b];[2:a]atrim=0:4,asplit=2[c][d];[d]lowpass=f=120[e];[a][b][c][e]join=inputs=4:channel_layout=5.1(side):map=0.0-FL|0.1-FR|1.0-FC|3.0-LFE|1.1-SL|2.0-SR",
            "-sample_fmt", bits == 16 ? "s16" : "s32", "-c:a", "flac", "-compression_level", level);

        var (info, decoded) = FlacTestMedia.Decode(path);
        var expected = FlacTestMedia.ReferenceDecode(path, 6);

        Assert.Equal(6, info.Channels);
        Assert.Equal("5.1", info.Layout.Name);
        Assert.Equal(Speaker.LowFrequency, info.Layout.Speakers[3]);
        AssertSamplesEqual(expected, decoded);
    }

    internal static void AssertSamplesEqual(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c].Length, actual[c].Length);
            var first = Enumerable.Range(0, expected[c].Length).FirstOrDefault(i => expected[c][i] != actual[c][i], -1);
            Assert.True(first < 0, $"channel {c} differs first at sample {first}: ffmpeg {(first < 0 ? 0 : expected[c][first])}, decoded {(first < 0 ? 0 : actual[c][first])}");
        }
    }
}
