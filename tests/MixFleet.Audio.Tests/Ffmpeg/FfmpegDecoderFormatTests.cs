using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Audio.Tests.Ffmpeg;

/// <summary>Real files made by ffmpeg, decoded through <see cref="FfmpegDecoder"/>, checked against independent expectations.</summary>
public sealed class FfmpegDecoderFormatTests : IDisposable
{
    private readonly FfmpegTestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Theory]
    [InlineData(24, 48_000, 2)]
    [InlineData(16, 44_100, 1)]
    public void Flac_SynthesizedIntegerSignal_DecodesWithinOneLsb(int bits, int sampleRate, int channels)
    {
        const int Frames = 12_345;
        var fullScale = 1 << (bits - 1);
        var random = new Random(bits);
        var source = new int[Frames * channels];
        for (var i = 0; i < Frames; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                // A sine per channel plus noise, touching both rails at the start.
                var value = (0.7 * Math.Sin(2 * Math.PI * (440 * (c + 1)) * i / sampleRate)) + (0.2 * ((random.NextDouble() * 2) - 1));
                source[(i * channels) + c] = i == 0 ? fullScale - 1 : i == 1 ? -fullScale : (int)Math.Round(value * (fullScale - 1));
            }
        }

        var format = bits == 24 ? "s24le" : "s16le";
        var raw = _media.WriteRawInt("source.raw", source, bits);
        var flac = _media.Ffmpeg("lossless.flac", "-f", format, "-ar", $"{sampleRate}", "-ac", $"{channels}", "-i", raw, "-c:a", "flac");

        var (info, decoded) = FfmpegTestMedia.Decode(flac);

        Assert.Equal(("flac", "flac", sampleRate, channels, bits), (info.Container, info.Codec, info.SampleRate, info.Channels, info.BitDepth));
        Assert.Equal(Frames, info.TotalFrames);
        Assert.Equal(channels, decoded.Length);
        var lsb = 1.0 / fullScale;
        for (var c = 0; c < channels; c++)
        {
            Assert.Equal(Frames, decoded[c].Length);
            for (var i = 0; i < Frames; i++)
            {
                var expected = (double)source[(i * channels) + c] / fullScale;
                Assert.True(Math.Abs(decoded[c][i] - expected) <= lsb, $"channel {c} frame {i}: {decoded[c][i]} vs {expected}");
            }
        }
    }

    [Fact]
    public void Flac24Bit96k_Info_ReportsRateDepthAndDuration()
    {
        var flac = _media.Ffmpeg("hires.flac", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=96000:duration=0.5", "-ac", "2",
            "-c:a", "flac", "-sample_fmt", "s32", "-bits_per_raw_sample", "24");

        using var reader = new FfmpegDecoder().Open(flac);

        Assert.Equal(("flac", "flac", 96_000, 2, 24), (reader.Info.Container, reader.Info.Codec, reader.Info.SampleRate, reader.Info.Channels, reader.Info.BitDepth));
        Assert.Equal(48_000, reader.Info.TotalFrames);
        Assert.Equal(0.5, reader.Info.DurationSeconds);
        Assert.Equal("stereo", reader.Info.Layout.Name);
        Assert.Equal(48_000, FfmpegTestMedia.ReadAll(reader)[0].Length);
    }

    [Fact]
    public void Mp3_Info_IsLossyWithoutBitDepth()
    {
        var mp3 = _media.Ffmpeg("tone.mp3", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100:duration=0.5", "-c:a", "libmp3lame", "-b:a", "128k");

        var (info, decoded) = FfmpegTestMedia.Decode(mp3);

        Assert.Equal(("mp3", "mp3", 44_100, 1), (info.Container, info.Codec, info.SampleRate, info.Channels));
        Assert.Null(info.BitDepth);
        Assert.Equal(Speaker.FrontCenter, Assert.Single(info.Layout.Speakers));
        Assert.InRange(decoded[0].Length, 22_050 - 1_152, 22_050 + 1_152); // within one MP3 frame of 0.5 s
    }

    [Fact]
    public void OpusInOgg_From44k1Source_DecodesAt48k()
    {
        var opus = _media.Ffmpeg("voice.opus", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=0.5", "-ac", "2", "-c:a", "libopus");

        var (info, decoded) = FfmpegTestMedia.Decode(opus);

        Assert.Equal(("ogg", "opus", 48_000, 2), (info.Container, info.Codec, info.SampleRate, info.Channels));
        Assert.Null(info.BitDepth);
        Assert.InRange(decoded[0].Length, 24_000 - 960, 24_000 + 960); // 0.5 s at 48 kHz, within one Opus frame
    }

    [Fact]
    public void M4aAac_Info_ReportsMp4ContainerAndAac()
    {
        var m4a = _media.Ffmpeg("song.m4a", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=0.5", "-ac", "2", "-c:a", "aac");

        var (info, decoded) = FfmpegTestMedia.Decode(m4a);

        Assert.Equal(("mp4", "aac", 48_000, 2), (info.Container, info.Codec, info.SampleRate, info.Channels));
        Assert.Null(info.BitDepth);
        Assert.Equal(24_000, info.TotalFrames);
        Assert.InRange(decoded[0].Length, 24_000 - 1_024, 24_000 + 1_024);
    }

    [Fact]
    public void Flac6Channels_Layout_Is51InFfmpegOrderAndChannelsStayInPlace()
    {
        // Channel c carries the constant (c + 1) / 10 so a swapped or shifted deinterleave shows.
        const int Frames = 4_800;
        var source = new int[Frames * 6];
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = (int)Math.Round(((i % 6) + 1) / 10.0 * 32_767);
        }

        var raw = _media.WriteRawInt("six.raw", source, 16);
        var flac = _media.Ffmpeg("six.flac", "-f", "s16le", "-ar", "48000", "-ac", "6", "-i", raw, "-c:a", "flac");

        var (info, decoded) = FfmpegTestMedia.Decode(flac);

        Assert.Equal(
            [Speaker.FrontLeft, Speaker.FrontRight, Speaker.FrontCenter, Speaker.LowFrequency, Speaker.BackLeft, Speaker.BackRight],
            info.Layout.Speakers);
        Assert.Equal("5.1", info.Layout.Name);
        for (var c = 0; c < 6; c++)
        {
            Assert.All(decoded[c], s => Assert.Equal((c + 1) / 10.0, s, 4));
        }
    }

    [Fact]
    public void Flac_MetadataTags_AreReadBack()
    {
        var flac = _media.Ffmpeg("tagged.flac", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100:duration=0.1", "-c:a", "flac",
            "-metadata", "title=Blue in Green", "-metadata", "artist=Miles Davis", "-metadata", "album=Kind of Blue",
            "-metadata", "album_artist=Miles Davis Sextet", "-metadata", "track=3/5", "-metadata", "ISRC=USSM15900113");

        var (info, _) = FfmpegTestMedia.Decode(flac);

        Assert.Equal(
            new AudioTags
            {
                Title = "Blue in Green",
                Artist = "Miles Davis",
                Album = "Kind of Blue",
                AlbumArtist = "Miles Davis Sextet",
                TrackNumber = "3/5",
                Isrc = "USSM15900113",
            },
            info.Tags);
    }

    [Theory]
    [InlineData("tagged.mp3", "libmp3lame")] // ID3v2: ISRC is stored as TSRC
    [InlineData("tagged.opus", "libopus")] // Vorbis comments: ffprobe reports them as stream tags
    public void LossyFormats_MetadataTags_AreReadBack(string name, string codec)
    {
        var path = _media.Ffmpeg(name, "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=0.1", "-c:a", codec,
            "-metadata", "title=So What", "-metadata", "artist=Miles Davis", "-metadata", "track=1", "-metadata", "ISRC=USSM15900111");

        var (info, _) = FfmpegTestMedia.Decode(path);

        Assert.Equal(("So What", "Miles Davis", "1", "USSM15900111"), (info.Tags.Title, info.Tags.Artist, info.Tags.TrackNumber, info.Tags.Isrc));
    }

    [Fact]
    public void Mp3_SineAtHalfScale_RmsMatchesClosedFormWithinATenthOfADecibel()
    {
        const int SampleRate = 44_100;
        var raw = _media.WriteRawFloat("sine.raw", FfmpegTestMedia.Sine(1_000, 0.5, SampleRate, 1.0));
        // 320 kb/s: LAME's 192 kb/s mono CBR itself lowers this tone by 0.26 dB (the ffmpeg CLI decodes the same),
        // which would test the encoder rather than this decoder.
        var mp3 = _media.Ffmpeg("sine.mp3", "-f", "f32le", "-ar", $"{SampleRate}", "-ac", "1", "-i", raw, "-c:a", "libmp3lame", "-b:a", "320k");

        var (_, decoded) = FfmpegTestMedia.Decode(mp3);

        // Away from the edges (encoder delay, padding): 0.2 s to 0.8 s, a whole number of 1 kHz periods.
        var middle = decoded[0].AsSpan(SampleRate / 5, SampleRate * 3 / 5);
        var sum = 0.0;
        foreach (var s in middle)
        {
            sum += (double)s * s;
        }

        var rms = Math.Sqrt(sum / middle.Length);
        var errorDb = 20 * Math.Log10(rms / (0.5 / Math.Sqrt(2)));
        Assert.InRange(errorDb, -0.1, 0.1);
    }

    [Fact]
    public void OpenStream_NonSeekable_DecodesLikeThePathAndDeletesItsTempCopy()
    {
        var flac = _media.Ffmpeg("stream.flac", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=0.3", "-ac", "2", "-c:a", "flac");
        var expected = FfmpegTestMedia.Decode(flac).Channels;

        string? temp;
        using (var stream = new NonSeekableStream(File.ReadAllBytes(flac)))
        using (var reader = new FfmpegDecoder().Open(stream, "s3://bucket/stream.flac"))
        {
            temp = ((FfmpegPcmReader)reader).TempFile;
            Assert.True(File.Exists(temp));
            Assert.Equal("flac", reader.Info.Codec);
            var decoded = FfmpegTestMedia.ReadAll(reader, blockFrames: 1_000);
            Assert.Equal(expected[0], decoded[0]);
            Assert.Equal(expected[1], decoded[1]);
        }

        Assert.False(File.Exists(temp));
    }

    [Fact]
    public void OpenPath_NameWithColonAndLeadingDash_IsReadAsAPlainFile()
    {
        var flac = _media.Ffmpeg("plain.flac", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=0.1", "-c:a", "flac");
        var odd = _media.PathOf("-i concat:odd name.flac");
        File.Copy(flac, odd);

        var (info, decoded) = FfmpegTestMedia.Decode(odd);

        Assert.Equal("flac", info.Codec);
        Assert.Equal(4_800, decoded[0].Length);
    }

    [Fact]
    public void Dispose_MidStream_StopsFfmpeg()
    {
        var flac = _media.Ffmpeg("long.flac", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=20", "-ac", "2", "-c:a", "flac");
        var reader = new FfmpegDecoder().Open(flac);
        var id = ((FfmpegPcmReader)reader).ProcessId;
        Assert.Equal(1_024, reader.Read(new AudioBuffer(2, 1_024)));

        reader.Dispose();

        Assert.False(ProcessIsRunning(id));
    }

    private static bool ProcessIsRunning(int id)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return !process.HasExited && process.ProcessName == "ffmpeg";
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
