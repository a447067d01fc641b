using MixFleet.Audio.Tests.Support;
using static MixFleet.Audio.Tests.Support.TestFileWriter;

namespace MixFleet.Audio.Tests.Pcm;

public sealed class WaveEncodingTests
{
    [Theory]
    [InlineData(8, "pcm_u8")]
    [InlineData(16, "pcm_s16le")]
    [InlineData(24, "pcm_s24le")]
    [InlineData(32, "pcm_s32le")]
    public void Read_WavIntegerRamp_MatchesQuantizedSignal(int bits, string codec)
    {
        var signal = Ramp(1000);
        var sine = Sine(1000, 0.01);
        var codes = new[] { Quantize(signal, bits), Quantize(sine, bits) };
        var file = Riff(Fmt(1, 2, 48000, bits), Data(EncodeInt(codes, bits, bigEndian: false, unsigned8: true)));

        using var reader = ReaderHelpers.OpenBytes(file);
        var decoded = ReaderHelpers.ReadAll(reader);

        Assert.Equal(codec, reader.Info.Codec);
        Assert.Equal("wav", reader.Info.Container);
        Assert.Equal(bits, reader.Info.BitDepth);
        Assert.Equal(1000, reader.Info.TotalFrames);
        Assert.Equal("stereo", reader.Info.Layout.Name);
        // One quantization step, plus float32 rounding (half an ulp at 1.0) for 32-bit integers.
        var step = (1.0 / (1L << (bits - 1))) + 6e-8;
        for (var c = 0; c < 2; c++)
        {
            var expected = Expected(codes[c], bits);
            var original = c == 0 ? signal : sine;
            Assert.Equal(1000, decoded[c].Length);
            for (var i = 0; i < 1000; i++)
            {
                Assert.Equal(expected[i], decoded[c][i], 1e-7f);
                Assert.InRange(decoded[c][i] - original[i], -step, step);
            }
        }
    }

    [Fact]
    public void Read_Wav24BitNegativeFullScale_IsMinusOne()
    {
        // 0x800000 = −8388608, 0xFFFFFF = −1, 0x7FFFFF = +8388607, 0xC00000 = −4194304.
        byte[] samples = [0x00, 0x00, 0x80, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x00, 0xC0];
        var decoded = ReaderHelpers.DecodeBytes(Riff(Fmt(1, 1, 48000, 24), Data(samples)));

        Assert.Equal([-1.0f, -1.0f / 8388608, 8388607f / 8388608, -0.5f], decoded[0]);
    }

    [Fact]
    public void Read_Wav8BitUnsigned_MapsOffsetBinary()
    {
        byte[] samples = [0, 128, 255, 64];
        var decoded = ReaderHelpers.DecodeBytes(Riff(Fmt(1, 1, 8000, 8), Data(samples)));

        Assert.Equal([-1.0f, 0.0f, 127f / 128, -0.5f], decoded[0]);
    }

    [Theory]
    [InlineData(32, "pcm_f32le")]
    [InlineData(64, "pcm_f64le")]
    public void Read_WavFloat_PassesValuesThroughUnclamped(int bits, string codec)
    {
        double[] values = [0.0, 0.25, -0.75, 1.5, -2.25, 1e-6];
        var file = Riff(Fmt(3, 1, 96000, bits), Data(EncodeFloat([values], bits, bigEndian: false)));

        using var reader = ReaderHelpers.OpenBytes(file);
        var decoded = ReaderHelpers.ReadAll(reader);

        Assert.Equal(codec, reader.Info.Codec);
        Assert.Equal(96000, reader.Info.SampleRate);
        Assert.Equal(values.Select(v => (float)v).ToArray(), decoded[0]);
    }

    [Fact]
    public void Open_ExtensibleMask0x3F_Is51Layout()
    {
        var codes = Enumerable.Range(0, 6).Select(c => Quantize(Sine(64, 0.02 * (c + 1)), 24)).ToArray();
        var file = Riff(FmtExtensible(6, 48000, 24, 24, 0x3F, 1), Data(EncodeInt(codes, 24, false)));

        using var reader = ReaderHelpers.OpenBytes(file);
        var decoded = ReaderHelpers.ReadAll(reader);

        Assert.Equal(
            [Speaker.FrontLeft, Speaker.FrontRight, Speaker.FrontCenter, Speaker.LowFrequency, Speaker.BackLeft, Speaker.BackRight],
            reader.Info.Layout.Speakers);
        Assert.Equal("5.1", reader.Info.Layout.Name);
        Assert.Equal("pcm_s24le", reader.Info.Codec);
        for (var c = 0; c < 6; c++)
        {
            Assert.Equal(Expected(codes[c], 24), decoded[c]);
        }
    }

    [Fact]
    public void Open_Extensible20BitIn24_ReportsContainerAndValidBits()
    {
        var file = Riff(FmtExtensible(2, 48000, 24, 20, 0x3, 1), Data(new byte[12]));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal(24, reader.Info.BitDepth);
        Assert.Equal(20, reader.Info.ValidBitsPerSample);
        Assert.Equal("stereo", reader.Info.Layout.Name);
    }

    [Fact]
    public void Read_ExtensibleFloatSubFormat_DecodesFloat()
    {
        double[] values = [0.5, -0.5, 1.25];
        var file = Riff(FmtExtensible(1, 44100, 32, 32, 0x4, 3), Data(EncodeFloat([values], 32, false)));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal("pcm_f32le", reader.Info.Codec);
        Assert.Equal([0.5f, -0.5f, 1.25f], ReaderHelpers.ReadAll(reader)[0]);
    }

    [Fact]
    public void Read_OddSizedUnknownChunkBeforeData_IsSkippedWithPadByte()
    {
        var codes = Quantize(Ramp(10), 16);
        var file = Riff(Chunk("junk", [1, 2, 3]), Fmt(1, 1, 44100, 16), Chunk("odd!", [9, 9, 9, 9, 9]), Data(EncodeInt([codes], 16, false)));

        var decoded = ReaderHelpers.DecodeBytes(file);

        Assert.Equal(Expected(codes, 16), decoded[0]);
    }

    [Fact]
    public void Open_BextChunk_ExposesDescriptionAndOriginatorAndStillDecodes()
    {
        var bext = new byte[602];
        "Scene 12 take 3"u8.CopyTo(bext);
        "MixFleet Recorder"u8.CopyTo(bext.AsSpan(256));
        var codes = Quantize(Sine(20, 0.1), 24);
        var file = Riff(Chunk("bext", bext), Fmt(1, 2, 48000, 24), Data(EncodeInt([codes, codes], 24, false)));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal("Scene 12 take 3", reader.Info.Tags.Description);
        Assert.Equal("MixFleet Recorder", reader.Info.Tags.Originator);
        Assert.Equal(Expected(codes, 24), ReaderHelpers.ReadAll(reader)[1]);
    }

    [Fact]
    public void Read_TrailingPartialFrame_IsIgnored()
    {
        var codes = Quantize(Ramp(4), 16);
        var data = EncodeInt([codes, codes], 16, false).Concat(new byte[] { 1, 2, 3 }).ToArray();

        using var reader = ReaderHelpers.OpenBytes(Riff(Fmt(1, 2, 48000, 16), Data(data)));

        Assert.Equal(4, reader.Info.TotalFrames);
        Assert.Equal(Expected(codes, 16), ReaderHelpers.ReadAll(reader)[0]);
    }

    [Fact]
    public void Open_FactChunkAndDataBeforeFmtOnSeekableStream_Decodes()
    {
        var codes = Quantize(Ramp(8), 16);
        var file = Riff(Chunk("fact", U32(8)), Data(EncodeInt([codes], 16, false)), Fmt(1, 1, 44100, 16));

        Assert.Equal(Expected(codes, 16), ReaderHelpers.DecodeBytes(file)[0]);
    }
}
