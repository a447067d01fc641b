using MixFleet.Audio.Tests.Support;
using static MixFleet.Audio.Tests.Support.TestFileWriter;

namespace MixFleet.Audio.Tests.Pcm;

public sealed class Rf64Tests
{
    [Theory]
    [InlineData("RF64", "rf64")]
    [InlineData("BW64", "bw64")]
    public void Read_Rf64DataSizeFromDs64_Decodes(string id, string container)
    {
        var codes = Quantize(Sine(300, 0.01), 24);
        var samples = EncodeInt([codes, codes], 24, false);
        var file = Wave(id, Ds64(0, samples.Length, 300), Fmt(1, 2, 48000, 24), Data(samples, sizeOverride: uint.MaxValue));

        using var reader = ReaderHelpers.OpenBytes(file);
        var decoded = ReaderHelpers.ReadAll(reader, 100);

        Assert.Equal(container, reader.Info.Container);
        Assert.Equal(300, reader.Info.TotalFrames);
        Assert.Equal(Expected(codes, 24), decoded[0]);
        Assert.Equal(Expected(codes, 24), decoded[1]);
    }

    [Fact]
    public void Open_Ds64ClaimingTenGiBOnNonSeekableStream_ReportsFramesBeyond32BitsWithoutAllocatingThem()
    {
        const long dataSize = 10L * 1024 * 1024 * 1024; // 10 GiB, 6-byte frames
        var file = Wave("RF64", Ds64(dataSize + 100, dataSize, dataSize / 6), Fmt(1, 2, 48000, 24), Data(new byte[600], sizeOverride: uint.MaxValue));

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var reader = ReaderHelpers.OpenBytes(file, seekable: false);
        var buffer = new AudioBuffer(2, 50);
        var frames = reader.Read(buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(dataSize / 6, reader.Info.TotalFrames);
        Assert.True(reader.Info.TotalFrames > uint.MaxValue / 6);
        Assert.Equal(50, frames);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
        var ex = Assert.Throws<AudioDecodeException>(() => ReaderHelpers.ReadAll(reader, 4096));
        Assert.Equal(AudioErrorCode.Truncated, ex.Code);
        Assert.Contains(ReaderHelpers.Name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Ds64ClaimingTenGiBOnSeekableSmallFile_IsDataChunkOverrun()
    {
        const long dataSize = 10L * 1024 * 1024 * 1024;
        var file = Wave("RF64", Ds64(dataSize + 100, dataSize, dataSize / 4), Fmt(1, 2, 48000, 16), Data(new byte[400], sizeOverride: uint.MaxValue));

        var ex = ReaderHelpers.OpenFails(file);

        Assert.Equal(AudioErrorCode.DataChunkOverrun, ex.Code);
        Assert.Contains("10,737,418,240", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Rf64WithoutDs64AndPlaceholderSize_IsInvalidHeader()
    {
        var file = Wave("RF64", Fmt(1, 2, 48000, 16), Data(new byte[40], sizeOverride: uint.MaxValue));

        var ex = ReaderHelpers.OpenFails(file);

        Assert.Equal(AudioErrorCode.InvalidHeader, ex.Code);
        Assert.Contains("ds64", ex.Message, StringComparison.Ordinal);
    }
}
