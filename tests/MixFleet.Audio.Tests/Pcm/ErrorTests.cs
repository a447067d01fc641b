using MixFleet.Audio.Pcm;
using MixFleet.Audio.Tests.Support;
using static MixFleet.Audio.Tests.Support.TestFileWriter;

namespace MixFleet.Audio.Tests.Pcm;

public sealed class ErrorTests
{
    private static readonly byte[] Samples = new byte[400];

    [Fact]
    public void Open_EmptyStream_IsEmptyFile()
        => AssertFails(ReaderHelpers.OpenFails([]), AudioErrorCode.EmptyFile, "empty");

    [Fact]
    public void Open_ShorterThanRiffHeader_IsTruncated()
        => AssertFails(ReaderHelpers.OpenFails([.. "RIFF"u8, 0, 0]), AudioErrorCode.Truncated, "only 6 bytes");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Open_FmtChunkCut_IsTruncated(bool seekable)
    {
        var fmt = Fmt(1, 2, 44100, 16);
        var file = Riff(fmt)[..(12 + 8 + 6)];

        AssertFails(ReaderHelpers.OpenFails(file, seekable), AudioErrorCode.Truncated, "fmt");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Open_NoDataChunkBeforeEof_IsTruncated(bool seekable)
        => AssertFails(ReaderHelpers.OpenFails(Riff(Fmt(1, 2, 44100, 16), Chunk("LIST", [.. "INFO"u8])), seekable), AudioErrorCode.Truncated, "without a data chunk");

    [Fact]
    public void Open_DataChunkLargerThanFile_IsDataChunkOverrunWithBothSizes()
    {
        var file = Riff(Fmt(1, 2, 44100, 16), Data(new byte[412], sizeOverride: 1_000_000));

        AssertFails(ReaderHelpers.OpenFails(file), AudioErrorCode.DataChunkOverrun, "data chunk declares 1,000,000 bytes but only 412 remain");
    }

    [Fact]
    public void Open_RiffDataSizePlaceholderFFFFFFFF_IsDataChunkOverrun()
        => AssertFails(
            ReaderHelpers.OpenFails(Riff(Fmt(1, 2, 44100, 16), Data(Samples, sizeOverride: uint.MaxValue))),
            AudioErrorCode.DataChunkOverrun,
            "0xFFFFFFFF");

    [Fact]
    public void Open_RiffDataSizeZeroFollowedBySamples_IsDataChunkOverrun()
        => AssertFails(
            ReaderHelpers.OpenFails(Riff(Fmt(1, 2, 44100, 16), Chunk("data", [], sizeOverride: 0), Samples)),
            AudioErrorCode.DataChunkOverrun,
            "declares 0 bytes");

    [Fact]
    public void Open_RiffDataSizeZeroAtEndOfFile_IsEmptyAudio()
    {
        using var reader = ReaderHelpers.OpenBytes(Riff(Fmt(1, 2, 44100, 16), Data([])));

        Assert.Equal(0, reader.Info.TotalFrames);
        Assert.Equal(0, reader.Read(new AudioBuffer(2, 16)));
    }

    [Fact]
    public void Read_DataEndsEarlyOnNonSeekableStream_IsTruncatedFromRead()
    {
        var file = Riff(Fmt(1, 2, 44100, 16), Data(new byte[100], sizeOverride: 1000));
        using var reader = ReaderHelpers.OpenBytes(file, seekable: false);

        var ex = Assert.Throws<AudioDecodeException>(() => ReaderHelpers.ReadAll(reader, 64));

        AssertFails(ex, AudioErrorCode.Truncated, "declares 1,000 bytes but the file ends after 100");
    }

    [Theory]
    [InlineData(0, 44100, "0 channels")]
    [InlineData(1000, 44100, "1000 channels")]
    [InlineData(2, 0, "sample rate of 0 Hz")]
    [InlineData(2, 10_000_000, "sample rate of 10,000,000 Hz")]
    public void Open_ImpossibleChannelsOrRate_IsInvalidHeader(int channels, int rate, string expected)
        => AssertFails(ReaderHelpers.OpenFails(Riff(Fmt(1, channels, rate, 16, blockAlign: 4), Data(Samples))), AudioErrorCode.InvalidHeader, expected);

    [Fact]
    public void Open_BlockAlignMismatch_IsInvalidHeader()
        => AssertFails(
            ReaderHelpers.OpenFails(Riff(Fmt(1, 2, 44100, 16, blockAlign: 6), Data(Samples))),
            AudioErrorCode.InvalidHeader,
            "block alignment of 6 bytes, but 2 channels × 2 bytes per sample = 4");

    [Fact]
    public void Open_UnsupportedBitDepth_IsInvalidHeader()
        => AssertFails(ReaderHelpers.OpenFails(Riff(Fmt(1, 1, 44100, 12, blockAlign: 2), Data(Samples))), AudioErrorCode.InvalidHeader, "12 bits");

    [Fact]
    public void Open_FmtChunkTooSmall_IsInvalidHeader()
        => AssertFails(ReaderHelpers.OpenFails(Riff(Fmt(1, 1, 44100, 16, size: 14), Data(Samples))), AudioErrorCode.InvalidHeader, "fmt chunk is 14 bytes");

    [Theory]
    [InlineData(0x0002, "WAVE format tag 0x0002 (Microsoft ADPCM) is not supported")]
    [InlineData(0x0007, "0x0007 (μ-law)")]
    [InlineData(0x0055, "0x0055 (MPEG Layer III)")]
    public void Open_CompressedFormatTag_IsUnsupportedEncodingNamingIt(int tag, string expected)
        => AssertFails(ReaderHelpers.OpenFails(Riff(Fmt((ushort)tag, 2, 44100, 4, blockAlign: 2048), Data(Samples))), AudioErrorCode.UnsupportedEncoding, expected);

    [Fact]
    public void Open_UnknownAifcCompression_IsUnsupportedEncodingNamingFourcc()
        => AssertFails(
            ReaderHelpers.OpenFails(Form("AIFC", Comm(1, 10, 16, Rate80(44100), "ulaw"), Ssnd(new byte[20]))),
            AudioErrorCode.UnsupportedEncoding,
            "'ulaw'");

    [Fact]
    public void Open_AiffCommTooSmall_IsInvalidHeader()
        => AssertFails(
            ReaderHelpers.OpenFails(Form("AIFF", Chunk("COMM", new byte[10], bigEndian: true), Ssnd(new byte[20]))),
            AudioErrorCode.InvalidHeader,
            "COMM chunk is 10 bytes");

    [Fact]
    public void Open_AiffSsndLargerThanFile_IsDataChunkOverrun()
    {
        var ssnd = Ssnd(new byte[20]);
        ssnd[4] = 0x7F; // size 0x7F00001C
        AssertFails(ReaderHelpers.OpenFails(Form("AIFF", Comm(1, 10, 16, Rate80(44100)), ssnd)), AudioErrorCode.DataChunkOverrun, "'SSND' chunk");
    }

    [Theory]
    [InlineData(true, AudioErrorCode.DataChunkOverrun)]
    [InlineData(false, AudioErrorCode.Truncated)]
    public void Open_GarbageChunkSizes_FailFastWithoutHugeAllocation(bool seekable, AudioErrorCode expected)
    {
        byte[] file = [.. "RIFF"u8, 0xF0, 0xFF, 0xFF, 0xFF, .. "WAVE"u8, .. "j\u0001nk"u8, 0xF0, 0xFF, 0xFF, 0xFF, .. new byte[64]];

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = ReaderHelpers.OpenFails(file, seekable);

        AssertFails(ex, expected, seekable ? "declares 4,294,967,280 bytes" : "without a fmt chunk or a data chunk");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
    }

    [Fact]
    public void Open_RandomBytesAfterRiffHeader_OnlyEverThrowsAudioDecodeException()
    {
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var body = new byte[random.Next(0, 200)];
            random.NextBytes(body);
            byte[] file = [.. "RIFF"u8, .. U32((uint)random.Next()), .. "WAVE"u8, .. body];
            try
            {
                using var reader = ReaderHelpers.OpenBytes(file, seekable: i % 2 == 0);
                ReaderHelpers.ReadAll(reader, 17);
            }
            catch (AudioDecodeException ex)
            {
                Assert.Contains(ReaderHelpers.Name, ex.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Open_NotAPcmContainer_IsNotAudio()
        => AssertFails(ReaderHelpers.OpenFails([.. "fLaC"u8, .. new byte[40]]), AudioErrorCode.NotAudio, "RIFF");

    [Fact]
    public void Open_StreamFailingWithIoException_IsIoError()
    {
        var file = Riff(Fmt(1, 2, 44100, 16), Data(Samples));

        var ex = Assert.Throws<AudioDecodeException>(() => new PcmDecoder().Open(new FailingStream(file, 20), ReaderHelpers.Name));

        AssertFails(ex, AudioErrorCode.IoError, "connection reset");
    }

    [Fact]
    public void Read_StreamFailingWithIoException_IsIoError()
    {
        var file = Riff(Fmt(1, 2, 44100, 16), Data(Samples));
        using var reader = new PcmDecoder().Open(new FailingStream(file, 100), ReaderHelpers.Name);

        var ex = Assert.Throws<AudioDecodeException>(() => ReaderHelpers.ReadAll(reader, 1000));

        AssertFails(ex, AudioErrorCode.IoError, "connection reset");
    }

    [Fact]
    public void Open_MissingPath_IsFileNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mixfleet-missing-{Guid.NewGuid():N}.wav");

        var ex = Assert.Throws<AudioDecodeException>(() => new PcmDecoder().Open(path));

        Assert.Equal(AudioErrorCode.FileNotFound, ex.Code);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DirectoryPath_IsIoError()
    {
        var path = Path.GetTempPath();

        var ex = Assert.Throws<AudioDecodeException>(() => new PcmDecoder().Open(path));

        Assert.Equal(AudioErrorCode.IoError, ex.Code);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyFilePath_IsEmptyFileNamingPath()
    {
        var path = Path.GetTempFileName();
        try
        {
            var ex = Assert.Throws<AudioDecodeException>(() => new PcmDecoder().Open(path));

            Assert.Equal(AudioErrorCode.EmptyFile, ex.Code);
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertFails(AudioDecodeException ex, AudioErrorCode code, string detail)
    {
        Assert.Equal(code, ex.Code);
        Assert.Equal(ReaderHelpers.Name, ex.Source);
        Assert.StartsWith(ReaderHelpers.Name + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
    }
}
