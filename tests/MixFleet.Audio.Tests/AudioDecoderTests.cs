using MixFleet.Audio.Ffmpeg;
using MixFleet.Audio.Tests.Support;
using static MixFleet.Audio.Tests.Support.TestFileWriter;

namespace MixFleet.Audio.Tests;

public sealed class AudioDecoderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mixfleet-audio-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Open_RiffFileOnDisk_IsDecodedInProcess()
    {
        var codes = Quantize(Sine(1000, 0.01), 16);
        var path = Path.Combine(_directory, "tone.bin"); // extension deliberately wrong: routing is by content
        File.WriteAllBytes(path, Riff(Fmt(1, 1, 48000, 16), Data(EncodeInt([codes], 16, false))));

        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(path);

        Assert.Equal("wav", reader.Info.Container);
        Assert.Equal(Expected(codes, 16), ReaderHelpers.ReadAll(reader, 300)[0]);
    }

    [Fact]
    public void Open_AiffNonSeekableStream_IsDecodedInProcess()
    {
        var codes = Quantize(Ramp(100), 24);
        var file = Form("AIFF", Comm(1, 100, 24, Rate80(44100)), Ssnd(EncodeInt([codes], 24, true)));

        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(new TrickleStream(file, seekable: false), "s3://bucket/track.aiff");

        Assert.Equal("aiff", reader.Info.Container);
        Assert.Equal(Expected(codes, 24), ReaderHelpers.ReadAll(reader)[0]);
    }

    [Fact]
    public void Open_EmptyFileOnDisk_IsEmptyFile()
    {
        var path = Path.Combine(_directory, "empty.wav");
        File.WriteAllBytes(path, []);

        var ex = Assert.Throws<AudioDecodeException>(() => new AudioDecoder(new FfmpegDecoder()).Open(path));

        Assert.Equal(AudioErrorCode.EmptyFile, ex.Code);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFile_IsFileNotFound()
    {
        var path = Path.Combine(_directory, "missing.wav");

        var ex = Assert.Throws<AudioDecodeException>(() => new AudioDecoder(new FfmpegDecoder()).Open(path));

        Assert.Equal(AudioErrorCode.FileNotFound, ex.Code);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TruncatedRiffFileOnDisk_IsTruncatedNamingPath()
    {
        var path = Path.Combine(_directory, "cut.wav");
        File.WriteAllBytes(path, Riff(Fmt(1, 1, 48000, 16))[..30]);

        var ex = Assert.Throws<AudioDecodeException>(() => new AudioDecoder(new FfmpegDecoder()).Open(path));

        Assert.Equal(AudioErrorCode.Truncated, ex.Code);
        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AudioErrorCode.DataChunkOverrun, "data-chunk-overrun")]
    [InlineData(AudioErrorCode.EmptyFile, "empty-file")]
    [InlineData(AudioErrorCode.UnsupportedEncoding, "unsupported-encoding")]
    public void ToCode_IsStableKebabCase(AudioErrorCode code, string expected) => Assert.Equal(expected, code.ToCode());
}
