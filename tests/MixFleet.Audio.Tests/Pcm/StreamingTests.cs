using MixFleet.Audio.Tests.Support;
using static MixFleet.Audio.Tests.Support.TestFileWriter;

namespace MixFleet.Audio.Tests.Pcm;

public sealed class StreamingTests
{
    private static readonly long[][] Codes = [Quantize(Sine(5000, 0.0037), 24), Quantize(Ramp(5000), 24)];
    private static readonly byte[] File24 = Riff(Fmt(1, 2, 48000, 24), Data(EncodeInt(Codes, 24, false)), Chunk("LIST", [.. "INFO"u8]));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(333)]
    [InlineData(100_000)]
    public void Read_SmallBlocks_GiveSameSamplesAsOneBigBlock(int blockFrames)
    {
        var whole = ReaderHelpers.DecodeBytes(File24, 5000);
        var blocks = ReaderHelpers.DecodeBytes(File24, blockFrames);

        Assert.Equal(Expected(Codes[0], 24), whole[0]);
        Assert.Equal(whole[0], blocks[0]);
        Assert.Equal(whole[1], blocks[1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_StreamReturningOneToThreeBytesPerCall_DecodesCorrectly(bool seekable)
    {
        var decoded = ReaderHelpers.DecodeBytes(File24, 256, seekable, maxPerRead: 3);

        Assert.Equal(Expected(Codes[0], 24), decoded[0]);
        Assert.Equal(Expected(Codes[1], 24), decoded[1]);
    }

    [Fact]
    public void Read_AiffFromTricklingNonSeekableStream_DecodesCorrectly()
    {
        var codes = Quantize(Sine(777, 0.02), 16);
        var file = Form("AIFF", Chunk("FVER", new byte[4], bigEndian: true), Comm(1, 777, 16, Rate80(44100)), Ssnd(EncodeInt([codes], 16, true), offset: 3));

        var decoded = ReaderHelpers.DecodeBytes(file, 100, seekable: false, maxPerRead: 2);

        Assert.Equal(Expected(codes, 16), decoded[0]);
    }

    [Fact]
    public void Read_AfterEnd_ReturnsZeroFrames()
    {
        using var reader = ReaderHelpers.OpenBytes(File24);
        var buffer = new AudioBuffer(2, 8192);

        Assert.Equal(5000, reader.Read(buffer));
        Assert.Equal(0, reader.Read(buffer));
        Assert.Equal(0, buffer.Frames);
    }

    [Fact]
    public void Read_SteadyState_AllocatesNothingPerBlock()
    {
        using var reader = ReaderHelpers.OpenBytes(File24);
        var buffer = new AudioBuffer(2, 64);
        reader.Read(buffer); // first block allocates the byte buffer

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            reader.Read(buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Read_BufferWithWrongChannelCount_Throws()
    {
        using var reader = ReaderHelpers.OpenBytes(File24);

        Assert.Throws<ArgumentException>(() => reader.Read(new AudioBuffer(1, 16)));
    }

    [Fact]
    public void Dispose_ClosesTheStream()
    {
        var stream = new MemoryStream(File24);
        var reader = new MixFleet.Audio.Pcm.PcmDecoder().Open(stream, "x.wav");

        reader.Dispose();

        Assert.False(stream.CanRead);
    }
}
