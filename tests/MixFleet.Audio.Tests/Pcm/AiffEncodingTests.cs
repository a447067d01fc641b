using MixFleet.Audio.Pcm;
using MixFleet.Audio.Tests.Support;
using static MixFleet.Audio.Tests.Support.TestFileWriter;

namespace MixFleet.Audio.Tests.Pcm;

public sealed class AiffEncodingTests
{
    [Theory]
    [InlineData(8, "pcm_s8")]
    [InlineData(16, "pcm_s16be")]
    [InlineData(24, "pcm_s24be")]
    [InlineData(32, "pcm_s32be")]
    public void Read_AiffBigEndianInteger_MatchesQuantizedSignal(int bits, string codec)
    {
        var codes = new[] { Quantize(Ramp(500), bits), Quantize(Sine(500, 0.013), bits) };
        var file = Form("AIFF", Comm(2, 500, bits, Rate80(44100)), Ssnd(EncodeInt(codes, bits, bigEndian: true)));

        using var reader = ReaderHelpers.OpenBytes(file);
        var decoded = ReaderHelpers.ReadAll(reader, 128);

        Assert.Equal("aiff", reader.Info.Container);
        Assert.Equal(codec, reader.Info.Codec);
        Assert.Equal(44100, reader.Info.SampleRate);
        Assert.Equal(500, reader.Info.TotalFrames);
        Assert.Equal(Expected(codes[0], bits), decoded[0]);
        Assert.Equal(Expected(codes[1], bits), decoded[1]);
    }

    [Theory]
    [InlineData("sowt")]
    [InlineData("SOWT")]
    public void Read_AifcSowt_IsLittleEndianInteger(string compression)
    {
        var codes = Quantize(Sine(300, 0.03), 16);
        var file = Form("AIFC", Comm(1, 300, 16, Rate80(48000), compression), Ssnd(EncodeInt([codes], 16, bigEndian: false)));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal("aifc", reader.Info.Container);
        Assert.Equal("pcm_s16le", reader.Info.Codec);
        Assert.Equal(Expected(codes, 16), ReaderHelpers.ReadAll(reader)[0]);
    }

    [Fact]
    public void Read_AifcNone_IsBigEndianInteger()
    {
        var codes = Quantize(Ramp(64), 24);
        var file = Form("AIFC", Comm(1, 64, 24, Rate80(48000), "NONE"), Ssnd(EncodeInt([codes], 24, bigEndian: true)));

        Assert.Equal(Expected(codes, 24), ReaderHelpers.DecodeBytes(file)[0]);
    }

    [Theory]
    [InlineData("fl32", 32, "pcm_f32be")]
    [InlineData("FL32", 32, "pcm_f32be")]
    [InlineData("fl64", 64, "pcm_f64be")]
    public void Read_AifcFloat_IsBigEndianFloatUnclamped(string compression, int bits, string codec)
    {
        double[] values = [0.0, 0.5, -1.0, 1.75, -3.5];
        var file = Form("AIFC", Comm(1, 5, bits, Rate80(96000), compression), Ssnd(EncodeFloat([values], bits, bigEndian: true)));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal(codec, reader.Info.Codec);
        Assert.Equal(bits, reader.Info.BitDepth);
        Assert.Equal(values.Select(v => (float)v).ToArray(), ReaderHelpers.ReadAll(reader)[0]);
    }

    [Fact]
    public void Read_SsndWithOffset_SkipsOffsetBytes()
    {
        var codes = Quantize(Ramp(16), 16);
        var file = Form("AIFF", Comm(1, 16, 16, Rate80(22050)), Ssnd(EncodeInt([codes], 16, true), offset: 6));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal(22050, reader.Info.SampleRate);
        Assert.Equal(Expected(codes, 16), ReaderHelpers.ReadAll(reader)[0]);
    }

    [Fact]
    public void Open_Aiff20BitSamples_ReadAs24BitLeftJustified()
    {
        // 20-bit samples are stored left-justified in 3 bytes: code << 4.
        long[] codes20 = [-524288, 262144, 1];
        var stored = codes20.Select(c => c << 4).ToArray();
        var file = Form("AIFF", Comm(1, 3, 20, Rate80(48000)), Ssnd(EncodeInt([stored], 24, true)));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal(24, reader.Info.BitDepth);
        Assert.Equal(20, reader.Info.ValidBitsPerSample);
        Assert.Equal([-1.0f, 0.5f, 1f / 524288], ReaderHelpers.ReadAll(reader)[0]);
    }

    [Theory]
    [InlineData(new byte[] { 0x40, 0x0E, 0xAC, 0x44, 0, 0, 0, 0, 0, 0 }, 44100.0)]
    [InlineData(new byte[] { 0x40, 0x0E, 0xBB, 0x80, 0, 0, 0, 0, 0, 0 }, 48000.0)]
    [InlineData(new byte[] { 0x40, 0x0F, 0xBB, 0x80, 0, 0, 0, 0, 0, 0 }, 96000.0)]
    [InlineData(new byte[] { 0x40, 0x0D, 0xAC, 0x44, 0, 0, 0, 0, 0, 0 }, 22050.0)]
    [InlineData(new byte[] { 0x3F, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0 }, 1.0)]
    [InlineData(new byte[] { 0xC0, 0x00, 0x80, 0, 0, 0, 0, 0, 0, 0 }, -2.0)]
    [InlineData(new byte[] { 0x3F, 0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0 }, 0.5)]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0.0)]
    public void Extended80_KnownEncodings_ConvertExactly(byte[] bytes, double expected)
        => Assert.Equal(expected, Extended80.ToDouble(bytes));

    [Theory]
    [InlineData(44100u)]
    [InlineData(48000u)]
    [InlineData(96000u)]
    [InlineData(22050u)]
    [InlineData(37800u)]
    [InlineData(11025u)]
    [InlineData(384000u)]
    public void Extended80_WriterEncodedRate_RoundTrips(uint rate)
        => Assert.Equal(rate, Extended80.ToDouble(Rate80(rate)));

    [Fact]
    public void Extended80_InfinityExponent_IsNaN()
        => Assert.True(double.IsNaN(Extended80.ToDouble([0x7F, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0])));

    [Fact]
    public void Open_AiffOddRate37800_ReportsRate()
    {
        var file = Form("AIFF", Comm(2, 1, 16, Rate80(37800)), Ssnd(new byte[4]));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal(37800, reader.Info.SampleRate);
    }
}
