using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;
using MixFleet.Audio.Pcm;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Tests.Support;
using MixFleet.Fleet.Tracks;
using MixFleet.Testing;

namespace MixFleet.Fleet.Tests;

/// <summary>
/// Which decoder failures become a stored verdict: a decoder that was killed is the machine's fault and is retried,
/// never cached; a file over the spool limit gets a report that a later run with a higher limit does not reuse.
/// </summary>
public sealed class DecoderFaultTests : IDisposable
{
    private const string Album = "label/artist/album/";
    private const string Key = Album + "01 - sine.mp3";
    private const string ReportKey = "reports/tracks/audio/label/artist/album/01 - sine.mp3.json";

    private readonly InMemoryObjectStore _store = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("mixfleet-decoder-faults-").FullName;

    [Fact]
    public async Task An_ffmpeg_killed_by_a_signal_propagates_as_transient_and_writes_no_report_so_the_retry_measures_it()
    {
        _store.Put(UseCases.AudioBucket, Key, Mp3Sine());
        // Stands in for an ffmpeg the OOM killer stops: it dies by SIGKILL before writing anything.
        var killed = Decoder(new FfmpegOptions { FfmpegPath = Script("ffmpeg", "kill -KILL $$") });

        var ex = await Assert.ThrowsAsync<AudioDecodeException>(() => UseCases.Create(_store, killed).ExecuteAsync(Source(), Album, CancellationToken.None));

        Assert.True(ex.Transient);
        Assert.Equal(AudioErrorCode.DecoderFailed, ex.Code);
        Assert.Contains("exit code 137", ex.Detail, StringComparison.Ordinal);
        Assert.False(TrackAnalysisUseCase.IsPermanent(ex)); // so the consumer's retry policy retries it
        Assert.False(_store.Contains(UseCases.ReportsBucket, ReportKey));

        var retried = await UseCases.Create(_store).ExecuteAsync(Source(), Album, CancellationToken.None);

        Assert.False(retried.Failed);
        Assert.False(retried.Reused);
        // lavfi's sine is 1/8 full scale: a mono 1 kHz sine at -18.06 dBFS peak reads -21.07 LUFS (BS.1770, mono).
        Assert.InRange(StoredReports.Read(_store, ReportKey).Track.Loudness!.IntegratedLufs!.Value, -21.4, -20.7);
    }

    [Fact]
    public async Task An_ffprobe_that_does_not_finish_propagates_as_transient_and_writes_no_report()
    {
        _store.Put(UseCases.AudioBucket, Key, Mp3Sine());
        var hung = Decoder(new FfmpegOptions { FfprobePath = Script("ffprobe", "exec sleep 30"), ProbeTimeout = TimeSpan.FromMilliseconds(300) });

        var ex = await Assert.ThrowsAsync<AudioDecodeException>(() => UseCases.Create(_store, hung).ExecuteAsync(Source(), Album, CancellationToken.None));

        Assert.True(ex.Transient);
        Assert.False(_store.Contains(UseCases.ReportsBucket, ReportKey));
    }

    [Fact]
    public async Task A_too_large_verdict_is_written_but_measured_again_by_a_worker_with_a_higher_limit()
    {
        var mp3 = Mp3Sine();
        _store.Put(UseCases.AudioBucket, Key, mp3);
        var small = Decoder(new FfmpegOptions { MaxSpoolBytes = mp3.Length / 2 });

        var limited = await UseCases.Create(_store, small).ExecuteAsync(Source(), Album, CancellationToken.None);

        Assert.True(limited.Failed);
        Assert.Equal("too-large", limited.Error!.Code);
        Assert.Equal("too-large", StoredReports.Read(_store, ReportKey).Track.Error!.Code);

        var raised = await UseCases.Create(_store).ExecuteAsync(Source(), Album, CancellationToken.None);

        Assert.False(raised.Reused);
        Assert.False(raised.Failed);
        Assert.Null(StoredReports.Read(_store, ReportKey).Track.Error);
        Assert.Equal(2, _store.Reads[Key]);
    }

    [Fact]
    public void A_file_ffmpeg_rejects_on_its_own_is_permanent_a_killed_decoder_is_not()
    {
        Assert.True(TrackAnalysisUseCase.IsPermanent(new AudioDecodeException(AudioErrorCode.DecoderFailed, "x", "invalid data")));
        Assert.True(TrackAnalysisUseCase.IsPermanent(new AudioDecodeException(AudioErrorCode.TooLarge, "x", "over the limit")));
        Assert.False(TrackAnalysisUseCase.IsPermanent(new AudioDecodeException(AudioErrorCode.DecoderFailed, "x", "killed", transient: true)));
        Assert.False(TrackAnalysisUseCase.IsPermanent(new AudioDecodeException(AudioErrorCode.IoError, "x", "stream cut")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static AudioDecoder Decoder(FfmpegOptions options) => new(new PcmDecoder(), new FlacDecoder(), new FfmpegDecoder(options));

    private static ObjectRef Source() => new() { Bucket = UseCases.AudioBucket, Key = Key };

    private string Script(string name, string body) => ShellScript.Write(_directory, name, body);

    private byte[] Mp3Sine()
    {
        var path = Path.Combine(_directory, "sine.mp3");
        ExternalTool.Run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=1000:duration=3", "-c:a", "libmp3lame", "-b:a", "192k", path);
        return File.ReadAllBytes(path);
    }
}
