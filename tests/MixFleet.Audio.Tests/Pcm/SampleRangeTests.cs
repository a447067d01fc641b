using MixFleet.Audio.Tests.Support;
using static MixFleet.Audio.Tests.Support.TestFileWriter;

namespace MixFleet.Audio.Tests.Pcm;

/// <summary>
/// Float samples that are not audio — NaN, ±∞, beyond ±<see cref="AudioLimits.MaxFloatSample"/> — raise
/// <see cref="AudioErrorCode.SampleOutOfRange"/> from <c>Read</c>. Found by the decoder fuzzing
/// (<c>MixFleet.Cli.Tests.Fuzz.DecoderFuzzTests</c>): damaged float WAV/AIFC/RF64 data decoded to NaN or ∞, every
/// measurement became NaN or ∞, and <c>mixfleet analyze</c> crashed writing its JSON report (exit 1, no report).
/// </summary>
public sealed class SampleRangeTests
{
    private const int Frames = 6000;

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(1e30, "1E+30")]
    [InlineData(32_769.0, "32769")]
    public void Read_Float32WavWithABadSample_IsSampleOutOfRangeNamingFrameAndChannel(double bad, string shown)
    {
        // Fuzz mutant 0212-wav-f32-stereo-48k.wav: three float samples set to NaN.
        var file = Riff(Fmt(3, 2, 48_000, 32), Data(EncodeFloat([Signal(), Signal(at: 5_000, value: bad)], 32, bigEndian: false)));

        var ex = ReadFails(file);

        AssertOutOfRange(ex, $"the sample at frame 5,000, channel 2 is {shown}:");
    }

    [Fact]
    public void Read_Float64WavBeyondTheFloatRange_IsSampleOutOfRange()
    {
        // Fuzz mutant 0065-rf64-f64-mono-48k.wav: inserted bytes misaligned the 64-bit samples, some read as ±1e154
        // and more, which no float holds (they became ±Infinity).
        var file = Riff(Fmt(3, 1, 48_000, 64), Data(EncodeFloat([Signal(at: 10, value: -2.68e154)], 64, bigEndian: false)));

        AssertOutOfRange(ReadFails(file), "the sample at frame 10, channel 1 is -Infinity:");
    }

    [Fact]
    public void Read_AifcFl32WithBytesFFFF_IsSampleOutOfRange()
    {
        // Fuzz mutant 0910-aifc-fl32-stereo.aif: two bytes of a sample overwritten with 0xFF, a NaN.
        var samples = EncodeFloat([Signal(), Signal()], 32, bigEndian: true);
        samples[(2 * 4 * 100) + 4] = 0xFF;
        samples[(2 * 4 * 100) + 5] = 0xFF;
        var file = Form("AIFC", Comm(2, Frames, 32, Rate80(48_000), "fl32"), Ssnd(samples));

        AssertOutOfRange(ReadFails(file), "the sample at frame 100, channel 2 is NaN:");
    }

    [Fact]
    public void Read_Float32AtTheLimit_IsDecoded()
    {
        var file = Riff(Fmt(3, 1, 48_000, 32), Data(EncodeFloat([Signal(at: 1, value: AudioLimits.MaxFloatSample)], 32, bigEndian: false)));
        file = [.. file[..^4], .. BitConverter.GetBytes(-AudioLimits.MaxFloatSample)];

        var decoded = ReaderHelpers.DecodeBytes(file)[0];

        Assert.Equal(32_768f, decoded[1]);
        Assert.Equal(-32_768f, decoded[^1]);
    }

    private static double[] Signal(int at = -1, double value = 0)
    {
        var x = Enumerable.Range(0, Frames).Select(i => 0.5 * Math.Sin(i / 10.0)).ToArray();
        if (at >= 0)
        {
            x[at] = value;
        }

        return x;
    }

    private static AudioDecodeException ReadFails(byte[] file)
    {
        using var reader = ReaderHelpers.OpenBytes(file);
        return Assert.Throws<AudioDecodeException>(() => ReaderHelpers.ReadAll(reader));
    }

    private static void AssertOutOfRange(AudioDecodeException ex, string detail)
    {
        Assert.Equal(AudioErrorCode.SampleOutOfRange, ex.Code);
        Assert.Equal("sample-out-of-range", ex.Code.ToCode());
        Assert.StartsWith(ReaderHelpers.Name + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
    }
}
