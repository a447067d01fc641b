using MixFleet.Audio.Ffmpeg;
using MixFleet.Audio.Flac;
using MixFleet.Audio.Tests.Ffmpeg;
using MixFleet.Audio.Tests.Support;

namespace MixFleet.Audio.Tests.Flac;

/// <summary>Streaming from non-seekable bodies that arrive a few bytes at a time, bounded memory, routing and tags.</summary>
public sealed class FlacStreamingTests : IDisposable
{
    private readonly FlacTestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public void Open_NonSeekableTrickle_DecodesTheSameAsTheFile()
    {
        var path = _media.Encode("trickle.flac", FlacTestMedia.Stereo16, "-t", "2", "-sample_fmt", "s32", "-compression_level", "8");

        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(new TrickleStream(File.ReadAllBytes(path), seekable: false, maxPerRead: 7), "s3://bucket/trickle.flac");

        Assert.IsType<FlacReader>(reader);
        FlacDecoderFormatTests.AssertSamplesEqual(FlacTestMedia.ReferenceDecode(path, 2), FfmpegTestMedia.ReadAll(reader, 333));
    }

    [Fact]
    public void Read_LongFile_KeepsTheReadBufferAtItsInitialSize()
    {
        // 6 s of 24-bit 96 kHz stereo: over a MB of FLAC through a 64 KiB buffer, never a copy of the file.
        var path = _media.Encode("long.flac", FlacTestMedia.Stereo16, "-ar", "96000", "-sample_fmt", "s32", "-compression_level", "0");
        Assert.True(new FileInfo(path).Length > 1_000_000);

        using var reader = (FlacReader)new FlacDecoder().Open(new TrickleStream(File.ReadAllBytes(path), seekable: false, maxPerRead: int.MaxValue), "long.flac");
        var frames = FfmpegTestMedia.ReadAll(reader)[0].Length;

        Assert.Equal(reader.Info.TotalFrames, frames);
        Assert.Equal(1 << 16, reader.BufferedBytes);
    }

    [Fact]
    public void Open_FlacWithExtensionWav_IsRoutedByContentToTheInProcessDecoder()
    {
        var path = _media.Encode("misnamed.wav.flac", FlacTestMedia.Mono24, "-compression_level", "5");
        var misnamed = _media.PathOf("misnamed.wav");
        File.Move(path, misnamed);

        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(misnamed);

        Assert.IsType<FlacReader>(reader);
        Assert.Equal(("flac", "flac", 24), (reader.Info.Container, reader.Info.Codec, reader.Info.BitDepth));
        Assert.Equal("mono", reader.Info.Layout.Name);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Open_FlacBehindAnId3v2Tag_IsDecodedInProcess(bool fromFile)
    {
        var path = _media.Encode("id3.flac", FlacTestMedia.Stereo16, "-t", "1", "-compression_level", "5");
        var tag = Id3Writer.Tag(4, 300, Id3Writer.Frame(4, "TIT2", Id3Writer.TextBody(3, "Tagged by an MP3 tagger")));
        byte[] bytes = [.. tag, .. File.ReadAllBytes(path)];
        var tagged = _media.PathOf("id3-tagged.flac");
        File.WriteAllBytes(tagged, bytes);

        using var reader = fromFile
            ? new AudioDecoder(new FfmpegDecoder()).Open(tagged)
            : new AudioDecoder(new FfmpegDecoder()).Open(new TrickleStream(bytes, seekable: false, maxPerRead: 100), "id3-tagged.flac");

        Assert.IsType<FlacReader>(reader);
        FlacDecoderFormatTests.AssertSamplesEqual(FlacTestMedia.ReferenceDecode(path, 2), FfmpegTestMedia.ReadAll(reader));
    }

    [Fact]
    public void Open_Mp3WithAnId3v2Tag_StillGoesToFfmpeg()
    {
        var path = _media.Ffmpeg("tagged.mp3", "-i", FlacTestMedia.Sample(FlacTestMedia.Stereo16), "-t", "1", "-metadata", "title=x", "-c:a", "libmp3lame");
        Assert.True(File.ReadAllBytes(path).AsSpan().StartsWith("ID3"u8));

        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(new TrickleStream(File.ReadAllBytes(path), seekable: false, maxPerRead: int.MaxValue), "tagged.mp3");

        Assert.Equal("mp3", reader.Info.Codec);
    }

    [Fact]
    public void Open_VorbisComments_FillTheTags()
    {
        var path = _media.Encode(
            "tagged.flac",
            FlacTestMedia.Stereo16,
            "-t", "0.5",
            "-metadata", "title=Slow Swell", "-metadata", "artist=The Testers", "-metadata", "album=Demo Album",
            "-metadata", "album_artist=Various", "-metadata", "track=1/3", "-metadata", "disc=2",
            "-metadata", "ISRC=GBAYE0601498", "-metadata", "DESCRIPTION=made by ffmpeg");

        using var reader = new FlacDecoder().Open(path);
        var tags = reader.Info.Tags;

        Assert.Equal(
            ("Slow Swell", "The Testers", "Demo Album", "Various", "1/3", "2", "GBAYE0601498", "made by ffmpeg"),
            (tags.Title, tags.Artist, tags.Album, tags.AlbumArtist, tags.TrackNumber, tags.DiscNumber, tags.Isrc, tags.Description));
    }

    [Fact]
    public void ParseVorbisComment_TotalsAndDuplicates_FollowTheDocumentedRules()
    {
        byte[] block = [.. Field("ffmpeg"), 4, 0, 0, 0, .. Field("tracknumber=3"), .. Field("TRACKTOTAL=12"), .. Field("TITLE=first"), .. Field("title=second")];

        var tags = VorbisCommentParser.Parse(block);

        Assert.Equal(("3/12", "first"), (tags.TrackNumber, tags.Title));

        static byte[] Field(string text) => [(byte)text.Length, 0, 0, 0, .. System.Text.Encoding.UTF8.GetBytes(text)];
    }
}
