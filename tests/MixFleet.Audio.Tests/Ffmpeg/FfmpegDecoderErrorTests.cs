using System.Diagnostics;
using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Audio.Tests.Ffmpeg;

/// <summary>What <see cref="FfmpegDecoder"/> raises for bad inputs and a missing or misbehaving ffmpeg.</summary>
public sealed class FfmpegDecoderErrorTests : IDisposable
{
    private readonly FfmpegTestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public void IsAvailable_FfmpegInstalled_IsTrue() => Assert.True(FfmpegDecoder.IsAvailable());

    [Fact]
    public void IsAvailable_NonexistentExecutables_IsFalse() =>
        Assert.False(FfmpegDecoder.IsAvailable(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg", FfprobePath = "/nonexistent/ffprobe" }));

    [Fact]
    public void Open_TextFile_IsNotAudio()
    {
        var path = _media.PathOf("notes.txt");
        File.WriteAllText(path, "These are liner notes, not audio.\n");

        var ex = Assert.Throws<AudioDecodeException>(() => new FfmpegDecoder().Open(path));

        Assert.Equal(AudioErrorCode.NotAudio, ex.Code);
        Assert.StartsWith("no audio stream found (ffprobe: ", ex.Detail, StringComparison.Ordinal);
        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_JpegImage_IsNotAudio()
    {
        var jpeg = _media.Ffmpeg("cover.jpg", "-f", "lavfi", "-i", "testsrc=size=32x32", "-frames:v", "1");

        var ex = Assert.Throws<AudioDecodeException>(() => new FfmpegDecoder().Open(jpeg));

        Assert.Equal(AudioErrorCode.NotAudio, ex.Code);
        Assert.Contains("without an audio stream", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FloatCafWithANaNSample_IsSampleOutOfRange()
    {
        // The ffmpeg half of the decoder fuzzing's finding (docs/decoder-errors.md, sample-out-of-range): ffmpeg passes a
        // float NaN through to its f32le output, where it would make every measurement NaN.
        var samples = FfmpegTestMedia.Sine(1000, 0.5, 48_000, 1.0);
        samples[30_000] = float.NaN;
        var raw = _media.WriteRawFloat("nan.f32", samples);
        var caf = _media.Ffmpeg("nan.caf", "-f", "f32le", "-ar", "48000", "-ac", "1", "-i", raw, "-c:a", "pcm_f32le");

        using var reader = new FfmpegDecoder().Open(caf);
        var ex = Assert.Throws<AudioDecodeException>(() => FfmpegTestMedia.ReadAll(reader));

        Assert.Equal(AudioErrorCode.SampleOutOfRange, ex.Code);
        Assert.StartsWith(caf + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the sample at frame 30,000, channel 1 is NaN", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenStream_LargerThanTheSpoolLimit_IsTooLargeAndDecodesAtTheLimit()
    {
        var mp3 = _media.Ffmpeg("long.mp3", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100:duration=3", "-c:a", "libmp3lame", "-b:a", "128k");
        var size = new FileInfo(mp3).Length;

        using (var stream = File.OpenRead(mp3))
        {
            var ex = Assert.Throws<AudioDecodeException>(() => new FfmpegDecoder(new FfmpegOptions { MaxSpoolBytes = size - 1 }).Open(stream, "long.mp3"));
            Assert.Equal(AudioErrorCode.TooLarge, ex.Code);
            Assert.Equal("too-large", ex.Code.ToCode());
            Assert.Contains($"larger than {size - 1} bytes", ex.Detail, StringComparison.Ordinal);
        }

        using (var stream = File.OpenRead(mp3))
        using (var reader = new FfmpegDecoder(new FfmpegOptions { MaxSpoolBytes = size }).Open(stream, "long.mp3"))
        {
            Assert.Equal(44_100, reader.Info.SampleRate);
        }
    }

    [Fact]
    public void Open_SampleRateBelowLimit_IsInvalidHeader()
    {
        var flac = _media.Ffmpeg("low.flac", "-f", "lavfi", "-i", "sine=frequency=100:sample_rate=4000:duration=0.1", "-c:a", "flac");

        var ex = Assert.Throws<AudioDecodeException>(() => new FfmpegDecoder().Open(flac));

        Assert.Equal(AudioErrorCode.InvalidHeader, ex.Code);
        Assert.Contains("4000 Hz", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FlacCutInHalf_IsTruncatedAfterTheAudioThatIsThere()
    {
        // ffmpeg itself exits 0 on a cut FLAC: it decodes the frames that are there, logs "decode_frame() failed"
        // and stops. The decoder compares the frames it got with STREAMINFO's total and reports the cut.
        var flac = _media.Ffmpeg("whole.flac", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=2", "-ac", "2", "-c:a", "flac");
        var bytes = File.ReadAllBytes(flac);
        var cut = _media.PathOf("cut.flac");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        using var reader = new FfmpegDecoder().Open(cut);
        Assert.Equal(96_000, reader.Info.TotalFrames);
        var buffer = new AudioBuffer(2, 4_096);
        long frames = 0;
        var ex = Assert.Throws<AudioDecodeException>(() =>
        {
            while (reader.Read(buffer) is var n and > 0)
            {
                frames += n;
            }
        });

        Assert.Equal(AudioErrorCode.Truncated, ex.Code);
        Assert.InRange(frames, 1, 96_000 / 2 + 4_096);
        Assert.Contains("of the 96000 frames", ex.Detail, StringComparison.Ordinal);
        Assert.Equal(AudioErrorCode.Truncated, Assert.Throws<AudioDecodeException>(() => reader.Read(buffer)).Code);
    }

    [Fact]
    public void Read_Mp3WithCorruptMiddle_DecodesAroundTheDamage()
    {
        // Documented behaviour: MP3 frames resynchronise, ffmpeg skips the damaged frames ("Header missing") and
        // exits 0; the length of an MP3 is not exact, so nothing flags it. The audio either side survives.
        var mp3 = _media.Ffmpeg("damaged.mp3", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100:duration=2", "-c:a", "libmp3lame", "-b:a", "192k");
        var bytes = File.ReadAllBytes(mp3);
        new Random(1).NextBytes(bytes.AsSpan((bytes.Length / 2) - 2_000, 4_000));
        File.WriteAllBytes(mp3, bytes);

        var (info, decoded) = FfmpegTestMedia.Decode(mp3);

        Assert.Equal("mp3", info.Codec);
        Assert.InRange(decoded[0].Length, 44_100, 88_200 + 1_152);
    }

    [Fact]
    public void Open_FfprobeMissing_IsDecoderNotInstalledWithInstallHint()
    {
        var flac = _media.Ffmpeg("any.flac", "-f", "lavfi", "-i", "sine=duration=0.1", "-c:a", "flac");
        var decoder = new FfmpegDecoder(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg", FfprobePath = "/nonexistent/ffprobe" });

        var ex = Assert.Throws<AudioDecodeException>(() => decoder.Open(flac));

        Assert.Equal(AudioErrorCode.DecoderNotInstalled, ex.Code);
        Assert.StartsWith(
            "ffmpeg is not installed or not on the PATH; install it (Debian: apt-get install ffmpeg) to decode .flac files",
            ex.Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FfmpegMissingButFfprobePresent_IsDecoderNotInstalled()
    {
        var mp3 = _media.Ffmpeg("any.mp3", "-f", "lavfi", "-i", "sine=duration=0.1", "-c:a", "libmp3lame");
        var decoder = new FfmpegDecoder(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg" });

        var ex = Assert.Throws<AudioDecodeException>(() => decoder.Open(mp3));

        Assert.Equal(AudioErrorCode.DecoderNotInstalled, ex.Code);
        Assert.Contains("to decode .mp3 files", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FfmpegExitsNonZero_IsDecoderFailedWithItsLastStderrLine()
    {
        // A stand-in ffmpeg that writes half a block, complains and fails, as a decoder error mid-file does.
        var flac = _media.Ffmpeg("fine.flac", "-f", "lavfi", "-i", "sine=duration=0.1", "-c:a", "flac");
        var fake = _media.Script("ffmpeg", "head -c 4000 /dev/zero\necho '[flac @ 0x1] invalid residual' >&2\necho 'Error while decoding stream #0:0: Invalid data found when processing input' >&2\nexit 69");
        using var reader = new FfmpegDecoder(new FfmpegOptions { FfmpegPath = fake }).Open(flac);

        var ex = Assert.Throws<AudioDecodeException>(() => FfmpegTestMedia.ReadAll(reader));

        Assert.Equal(AudioErrorCode.DecoderFailed, ex.Code);
        Assert.False(ex.Transient); // the file's own fault: a verdict
        Assert.Equal(
            "ffmpeg could not decode: [flac @ 0x1] invalid residual | Error while decoding stream #0:0: Invalid data found when processing input",
            ex.Detail);
    }

    [Theory]
    [InlineData("KILL", 137)] // the OOM killer
    [InlineData("TERM", 143)]
    public void Read_FfmpegStoppedBySignal_IsTransientDecoderFailed(string signal, int exitCode)
    {
        var flac = _media.Ffmpeg("fine.flac", "-f", "lavfi", "-i", "sine=duration=0.1", "-c:a", "flac");
        var fake = _media.Script("ffmpeg", $"head -c 4000 /dev/zero\nkill -{signal} $$");
        using var reader = new FfmpegDecoder(new FfmpegOptions { FfmpegPath = fake }).Open(flac);

        var ex = Assert.Throws<AudioDecodeException>(() => FfmpegTestMedia.ReadAll(reader));

        Assert.Equal(AudioErrorCode.DecoderFailed, ex.Code);
        Assert.True(ex.Transient);
        Assert.Contains($"exit code {exitCode}", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FfprobeKilled_IsTransientDecoderFailedNotNotAudio()
    {
        var flac = _media.Ffmpeg("fine.flac", "-f", "lavfi", "-i", "sine=duration=0.1", "-c:a", "flac");
        var fake = _media.Script("ffprobe", "kill -KILL $$");

        var ex = Assert.Throws<AudioDecodeException>(() => new FfmpegDecoder(new FfmpegOptions { FfprobePath = fake }).Open(flac));

        Assert.Equal(AudioErrorCode.DecoderFailed, ex.Code);
        Assert.True(ex.Transient);
    }

    [Fact]
    public void Read_CancelledWhileFfmpegStalls_EndsWithCancellationAndStopsFfmpeg()
    {
        var flac = _media.Ffmpeg("fine.flac", "-f", "lavfi", "-i", "sine=duration=0.1", "-c:a", "flac");
        var seconds = $"60.{Random.Shared.Next(100_000, 999_999)}"; // a unique argv to find the staller by
        // Writes less than one block, then stalls with the pipe open, as a wedged decoder does.
        var fake = _media.Script("ffmpeg", $"head -c 4000 /dev/zero\nexec sleep {seconds}");
        using var reader = new FfmpegDecoder(new FfmpegOptions { FfmpegPath = fake }).Open(flac);
        var buffer = new AudioBuffer(reader.Info.Channels, 4096);
        using var cancellation = new CancellationTokenSource();
        var reading = Task.Run(() => reader.Read(buffer, cancellation.Token));
        // Cancel once the staller runs; whether the read is already waiting on the pipe or not, ffmpeg must be stopped.
        Assert.True(SpinWait.SpinUntil(() => System.IO.Directory.EnumerateDirectories("/proc").Any(d => CommandLine(d).Contains(seconds, StringComparison.Ordinal)), TimeSpan.FromSeconds(60)));

        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => reading.GetAwaiter().GetResult());
        Assert.DoesNotContain(System.IO.Directory.EnumerateDirectories("/proc"), d => CommandLine(d).Contains(seconds, StringComparison.Ordinal));
        var again = Assert.Throws<AudioDecodeException>(() => reader.Read(buffer));
        Assert.True(again.Transient);
    }

    [Fact]
    public void Open_FfprobeHangs_IsDecoderFailedAfterTheTimeoutAndTheProbeIsKilled()
    {
        var flac = _media.Ffmpeg("fine.flac", "-f", "lavfi", "-i", "sine=duration=0.1", "-c:a", "flac");
        var seconds = $"30.{Random.Shared.Next(100_000, 999_999)}"; // a unique argv to find the sleeper by
        var fake = _media.Script("ffprobe", $"exec sleep {seconds}");
        var decoder = new FfmpegDecoder(new FfmpegOptions { FfprobePath = fake, ProbeTimeout = TimeSpan.FromMilliseconds(500) });
        var clock = Stopwatch.StartNew();

        var ex = Assert.Throws<AudioDecodeException>(() => decoder.Open(flac));

        Assert.Equal(AudioErrorCode.DecoderFailed, ex.Code);
        Assert.True(ex.Transient);
        Assert.Contains("ffprobe did not finish within 0.5 s", ex.Detail, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(System.IO.Directory.EnumerateDirectories("/proc"), d => CommandLine(d).Contains(seconds, StringComparison.Ordinal));
    }

    private static string CommandLine(string procDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "cmdline"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    [Fact]
    public void Open_MissingFile_IsFileNotFound()
    {
        var ex = Assert.Throws<AudioDecodeException>(() => new FfmpegDecoder().Open(_media.PathOf("nowhere.flac")));

        Assert.Equal(AudioErrorCode.FileNotFound, ex.Code);
    }

    [Fact]
    public void OpenStream_Empty_IsEmptyFile()
    {
        using var empty = new NonSeekableStream([]);

        var ex = Assert.Throws<AudioDecodeException>(() => new FfmpegDecoder().Open(empty, "empty.flac"));

        Assert.Equal(AudioErrorCode.EmptyFile, ex.Code);
        Assert.Equal("empty.flac", ex.Source);
    }
}
