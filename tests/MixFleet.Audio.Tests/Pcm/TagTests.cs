using MixFleet.Audio.Pcm;
using MixFleet.Audio.Tests.Support;
using static MixFleet.Audio.Tests.Support.TestFileWriter;

namespace MixFleet.Audio.Tests.Pcm;

public sealed class TagTests
{
    private static readonly byte[] Info = Chunk("LIST", Concat(
        "INFO"u8.ToArray(),
        Chunk("INAM", [.. "Night Drive"u8, 0]),
        Chunk("IART", [.. "The Testers"u8, 0]),
        Chunk("IPRD", [.. "Fixtures"u8, 0]),
        Chunk("ITRK", [.. "7"u8]),
        Chunk("ISRC", [.. "GBAYE0601498"u8, 0])));

    private static byte[] Samples => EncodeInt([Quantize(Ramp(32), 16)], 16, false);

    [Fact]
    public void Open_ListInfoAfterDataOnSeekableStream_IsFoundAndDataStillDecodes()
    {
        var file = Riff(Fmt(1, 1, 44100, 16), Data(Samples), Info);

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal("Night Drive", reader.Info.Tags.Title);
        Assert.Equal("The Testers", reader.Info.Tags.Artist);
        Assert.Equal("Fixtures", reader.Info.Tags.Album);
        Assert.Equal("7", reader.Info.Tags.TrackNumber);
        Assert.Equal("GBAYE0601498", reader.Info.Tags.Isrc);
        Assert.Equal(Expected(Quantize(Ramp(32), 16), 16), ReaderHelpers.ReadAll(reader)[0]);
    }

    [Fact]
    public void Open_ListInfoAfterDataOnNonSeekableStream_IsNotSeen()
    {
        var file = Riff(Fmt(1, 1, 44100, 16), Data(Samples), Info);

        using var reader = ReaderHelpers.OpenBytes(file, seekable: false);

        Assert.Null(reader.Info.Tags.Title);
        Assert.Equal(32, ReaderHelpers.ReadAll(reader)[0].Length);
    }

    [Fact]
    public void Open_ListInfoBeforeDataOnNonSeekableStream_IsFound()
    {
        var file = Riff(Fmt(1, 1, 44100, 16), Info, Data(Samples));

        using var reader = ReaderHelpers.OpenBytes(file, seekable: false, maxPerRead: 3);

        Assert.Equal("Night Drive", reader.Info.Tags.Title);
        Assert.Equal(32, ReaderHelpers.ReadAll(reader)[0].Length);
    }

    [Fact]
    public void Open_Id3v24Utf8Chunk_ReadsIsrcAndTrack()
    {
        var tag = Id3Writer.Tag(4, 16,
            Id3Writer.Frame(4, "TIT2", Id3Writer.TextBody(3, "Ünïcode Title")),
            Id3Writer.Frame(4, "TSRC", Id3Writer.TextBody(3, "USRC17607839")),
            Id3Writer.Frame(4, "TRCK", Id3Writer.TextBody(3, "3/12")),
            Id3Writer.Frame(4, "TPE2", Id3Writer.TextBody(0, "Various")));
        var file = Riff(Fmt(1, 1, 44100, 16), Data(Samples), Chunk("id3 ", tag));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal("Ünïcode Title", reader.Info.Tags.Title);
        Assert.Equal("USRC17607839", reader.Info.Tags.Isrc);
        Assert.Equal("3/12", reader.Info.Tags.TrackNumber);
        Assert.Equal("Various", reader.Info.Tags.AlbumArtist);
    }

    [Fact]
    public void Open_Id3v23Utf16Chunk_ReadsIsrcAndTrack()
    {
        var tag = Id3Writer.Tag(3, 0,
            Id3Writer.Frame(3, "TSRC", Id3Writer.TextBody(1, "FRZ039800212")),
            Id3Writer.Frame(3, "TRCK", Id3Writer.TextBody(1, "11")),
            Id3Writer.Frame(3, "TALB", Id3Writer.TextBody(2, "Big Endian Album")),
            Id3Writer.Frame(3, "TPE1", Id3Writer.TextBody(1, "Ärtist")));
        var file = Riff(Fmt(1, 1, 44100, 16), Chunk("ID3 ", tag), Data(Samples));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal("FRZ039800212", reader.Info.Tags.Isrc);
        Assert.Equal("11", reader.Info.Tags.TrackNumber);
        Assert.Equal("Big Endian Album", reader.Info.Tags.Album);
        Assert.Equal("Ärtist", reader.Info.Tags.Artist);
    }

    [Fact]
    public void Id3_FrameSizeBeyondTag_StopsWithoutThrowing()
    {
        var good = Id3Writer.Frame(4, "TIT2", Id3Writer.TextBody(3, "Kept"));
        byte[] bad = [.. "TSRC"u8, .. Id3Writer.Syncsafe(100_000), 0, 0, 3, (byte)'X'];

        var tags = Id3TagParser.Parse(Id3Writer.Tag(4, 0, good, bad));

        Assert.Equal("Kept", tags.Title);
        Assert.Null(tags.Isrc);
    }

    [Fact]
    public void Id3_SyncsafeTagSizeLargerThanChunk_IsBoundedByChunk()
    {
        byte[] tag = [.. "ID3"u8, 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F, .. Id3Writer.Frame(4, "TRCK", Id3Writer.TextBody(0, "5"))];

        Assert.Equal("5", Id3TagParser.Parse(tag).TrackNumber);
    }

    [Fact]
    public void Id3_SyncsafeSizes_DecodeSevenBitsPerByte()
    {
        Assert.True(Id3TagParser.TrySyncsafe([0x00, 0x00, 0x02, 0x01], out var value));
        Assert.Equal(257, value);
        Assert.False(Id3TagParser.TrySyncsafe([0x00, 0x80, 0x00, 0x00], out _));
    }

    [Fact]
    public void Open_AiffNameAuthAndId3Chunks_ReadTags()
    {
        var tag = Id3Writer.Tag(4, 0, Id3Writer.Frame(4, "TSRC", Id3Writer.TextBody(3, "DEA123456789")));
        var file = Form(
            "AIFF",
            Comm(1, 4, 16, Rate80(44100)),
            Chunk("NAME", [.. "Aiff Title"u8], bigEndian: true),
            Chunk("AUTH", [.. "Aiff Author"u8, 0, 0, 0], bigEndian: true),
            Ssnd(new byte[8]),
            Chunk("ID3 ", tag, bigEndian: true));

        using var reader = ReaderHelpers.OpenBytes(file);

        Assert.Equal("Aiff Title", reader.Info.Tags.Title);
        Assert.Equal("Aiff Author", reader.Info.Tags.Artist);
        Assert.Equal("DEA123456789", reader.Info.Tags.Isrc);
    }

    [Fact]
    public void Info_Latin1Text_IsDecodedWhenNotUtf8()
    {
        var list = Concat("INFO"u8.ToArray(), Chunk("IART", [0x42, 0x6A, 0xF6, 0x72, 0x6B, 0]));

        Assert.Equal("Björk", RiffInfoParser.Parse(list).Artist);
    }
}
