using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Audio.Tests.Ffmpeg;

/// <summary><see cref="FfprobeParser"/> on literal ffprobe output (ffprobe 5.1, Debian 12): no process needed.</summary>
public sealed class FfprobeParserTests
{
    // ffprobe -v error -print_format json -show_format -show_streams -select_streams a:0 file:a.flac
    // (a 24-bit 96 kHz stereo FLAC, 0.5 s, tagged), copied verbatim except the disposition block shortened.
    private const string Flac24Bit96k = """
        {
            "streams": [
                {
                    "index": 0,
                    "codec_name": "flac",
                    "codec_long_name": "FLAC (Free Lossless Audio Codec)",
                    "codec_type": "audio",
                    "codec_tag_string": "[0][0][0][0]",
                    "codec_tag": "0x0000",
                    "sample_fmt": "s32",
                    "sample_rate": "96000",
                    "channels": 2,
                    "channel_layout": "stereo",
                    "bits_per_sample": 0,
                    "r_frame_rate": "0/0",
                    "avg_frame_rate": "0/0",
                    "time_base": "1/96000",
                    "start_pts": 0,
                    "start_time": "0.000000",
                    "duration_ts": 48000,
                    "duration": "0.500000",
                    "bits_per_raw_sample": "24",
                    "extradata_size": 34,
                    "disposition": {
                        "default": 0,
                        "attached_pic": 0
                    }
                }
            ],
            "format": {
                "filename": "file:a.flac",
                "nb_streams": 1,
                "nb_programs": 0,
                "format_name": "flac",
                "format_long_name": "raw FLAC",
                "start_time": "0.000000",
                "duration": "0.500000",
                "size": "59918",
                "bit_rate": "958688",
                "probe_score": 100,
                "tags": {
                    "title": "T",
                    "ISRC": "USABC1234567",
                    "track": "3/12",
                    "encoder": "Lavf59.27.100"
                }
            }
        }
        """;

    // The same command on an AAC .m4a (time base 1/44100, stream tags but no title).
    private const string M4aAac = """
        {
            "streams": [
                {
                    "index": 0, "codec_name": "aac", "profile": "LC", "codec_type": "audio", "codec_tag_string": "mp4a",
                    "sample_fmt": "fltp", "sample_rate": "44100", "channels": 1, "channel_layout": "mono", "bits_per_sample": 0,
                    "time_base": "1/44100", "start_pts": 0, "start_time": "0.000000", "duration_ts": 22050, "duration": "0.500000",
                    "bit_rate": "71832", "nb_frames": "23",
                    "tags": { "language": "und", "handler_name": "SoundHandler", "vendor_id": "[0][0][0][0]" }
                }
            ],
            "format": {
                "filename": "file:d.m4a", "nb_streams": 1, "format_name": "mov,mp4,m4a,3gp,3g2,mj2",
                "format_long_name": "QuickTime / MOV", "duration": "0.500000", "size": "5597", "probe_score": 100,
                "tags": { "major_brand": "M4A ", "minor_version": "512", "compatible_brands": "M4A isomiso2", "encoder": "Lavf59.27.100" }
            }
        }
        """;

    [Fact]
    public void Parse_Flac24Bit96k_ReadsEveryField()
    {
        var info = FfprobeParser.Parse(Flac24Bit96k, "a.flac");

        Assert.Equal(("flac", "flac", 96_000, 2, 24), (info.Container, info.Codec, info.SampleRate, info.Channels, info.BitDepth));
        Assert.Equal([Speaker.FrontLeft, Speaker.FrontRight], info.Layout.Speakers);
        Assert.Equal(48_000, info.TotalFrames);
        Assert.True(FfprobeParser.ParseProbe(Flac24Bit96k, "a.flac").ExactLength);
        Assert.Equal(new AudioTags { Title = "T", Isrc = "USABC1234567", TrackNumber = "3/12" }, info.Tags);
    }

    [Fact]
    public void Parse_M4aAac_IsMp4WithoutBitDepth()
    {
        var info = FfprobeParser.Parse(M4aAac, "d.m4a");

        Assert.Equal(("mp4", "aac", 44_100, 1), (info.Container, info.Codec, info.SampleRate, info.Channels));
        Assert.Null(info.BitDepth);
        Assert.Equal(22_050, info.TotalFrames);
        Assert.Equal(AudioTags.Empty, info.Tags);
    }

    [Theory]
    [InlineData("matroska,webm", "matroska")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "mp4")]
    [InlineData("ogg", "ogg")]
    [InlineData(null, "unknown")]
    public void ContainerName_FirstFormatName_MapsIsoFamilyToMp4(string? formatName, string expected) =>
        Assert.Equal(expected, FfprobeParser.ContainerName(formatName));

    [Fact]
    public void Parse_DurationOnly_UsesDurationTimesRate()
    {
        const string Json = """{"streams":[{"codec_type":"audio","codec_name":"vorbis","sample_rate":"44100","channels":2,"duration":"1.500000","bits_per_sample":0}],"format":{"format_name":"ogg"}}""";

        var info = FfprobeParser.Parse(Json, "x.ogg");

        Assert.Equal(66_150, info.TotalFrames);
        Assert.False(FfprobeParser.ParseProbe(Json, "x.ogg").ExactLength);
        Assert.Null(info.BitDepth);
        Assert.Equal(ChannelLayout.Default(2).Speakers, info.Layout.Speakers);
    }

    [Fact]
    public void Parse_Mp3DurationTsInFineTimeBase_ConvertsToFramesExactly()
    {
        // Real ffprobe values for a 0.5 s LAME MP3: time base 1/14112000, duration_ts 7741440 (0.548571 s with padding).
        const string Json = """{"streams":[{"codec_type":"audio","codec_name":"mp3","sample_rate":"44100","channels":1,"channel_layout":"mono","time_base":"1/14112000","duration_ts":7741440,"duration":"0.548571"}],"format":{"format_name":"mp3"}}""";

        Assert.Equal(24_192, FfprobeParser.Parse(Json, "x.mp3").TotalFrames);
    }

    [Fact]
    public void Parse_NoDuration_LeavesTotalFramesUnknown()
    {
        const string Json = """{"streams":[{"codec_type":"audio","codec_name":"flac","sample_rate":"48000","channels":1,"time_base":"1/48000","bits_per_raw_sample":"16"}],"format":{"format_name":"flac"}}""";

        var info = FfprobeParser.Parse(Json, "piped.flac");

        Assert.Null(info.TotalFrames);
        Assert.Equal(16, info.BitDepth);
    }

    [Fact]
    public void Parse_TagsFromFormatAndStream_MergeCaseInsensitivelyWithContainerFirst()
    {
        const string Json = """
            {"streams":[{"codec_type":"audio","codec_name":"opus","sample_rate":"48000","channels":2,
              "tags":{"TITLE":"Stream title","ARTIST":"Stream artist","ALBUMARTIST":"AA","TRACKNUMBER":"7","isrc":"GBAYE0000001"}}],
             "format":{"format_name":"ogg","tags":{"Title":"Container title","ALBUM":"  Padded  "}}}
            """;

        var tags = FfprobeParser.Parse(Json, "x.opus").Tags;

        Assert.Equal(
            new AudioTags { Title = "Container title", Artist = "Stream artist", Album = "Padded", AlbumArtist = "AA", TrackNumber = "7", Isrc = "GBAYE0000001" },
            tags);
    }

    [Fact]
    public void Parse_Id3Tsrc_IsIsrc()
    {
        const string Json = """{"streams":[{"codec_type":"audio","codec_name":"mp3","sample_rate":"44100","channels":2}],"format":{"format_name":"mp3","tags":{"TSRC":"USRC17607839"}}}""";

        Assert.Equal("USRC17607839", FfprobeParser.Parse(Json, "x.mp3").Tags.Isrc);
    }

    [Theory]
    [InlineData("""{"streams":[],"format":{"format_name":"jpeg_pipe"}}""", "no audio stream found (ffprobe: the file is 'jpeg_pipe' without an audio stream)")]
    [InlineData("{}", "no audio stream found (ffprobe: no streams)")]
    [InlineData("""{"streams":[{"codec_type":"video","codec_name":"mjpeg"}]}""", "no audio stream found (ffprobe: first stream is video)")]
    public void Parse_NoAudioStream_IsNotAudio(string json, string detail)
    {
        var ex = Assert.Throws<AudioDecodeException>(() => FfprobeParser.Parse(json, "cover.jpg"));

        Assert.Equal((AudioErrorCode.NotAudio, detail), (ex.Code, ex.Detail));
    }

    [Theory]
    [InlineData("4000", 2, "sample rate 4000 Hz is outside 8000–384000 Hz")]
    [InlineData("768000", 2, "sample rate 768000 Hz is outside 8000–384000 Hz")]
    [InlineData("48000", 0, "0 channels is outside 1–32")]
    [InlineData("48000", 64, "64 channels is outside 1–32")]
    public void Parse_OutOfLimits_IsInvalidHeader(string sampleRate, int channels, string detail)
    {
        var json = $$$"""{"streams":[{"codec_type":"audio","codec_name":"flac","sample_rate":"{{{sampleRate}}}","channels":{{{channels}}}}],"format":{"format_name":"flac"}}""";

        var ex = Assert.Throws<AudioDecodeException>(() => FfprobeParser.Parse(json, "odd.flac"));

        Assert.Equal((AudioErrorCode.InvalidHeader, detail), (ex.Code, ex.Detail));
    }

    [Fact]
    public void Parse_GarbageOutput_IsNotAudio() =>
        Assert.Equal(AudioErrorCode.NotAudio, Assert.Throws<AudioDecodeException>(() => FfprobeParser.Parse("not json", "x")).Code);
}
