using MixFleet.Analysis.Loudness;
using MixFleet.Testing;
using MixFleet.Analysis;
using MixFleet.Contracts.Keys;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Tests.Support;
using MixFleet.Fleet.Tracks;
using MixFleet.Storage;

namespace MixFleet.Fleet.Tests;

public sealed class TrackAnalysisUseCaseTests
{
    private const string Album = "label/artist/album/";
    private const string Key = Album + "01 - sine.wav";
    private const string ReportKey = "reports/tracks/audio/label/artist/album/01 - sine.wav.json";

    private readonly InMemoryObjectStore _store = new();

    [Fact]
    public async Task Analyzes_the_object_and_writes_its_report_at_the_source_key()
    {
        _store.Put(UseCases.AudioBucket, Key, Wav.Sine(-23, seconds: 5));

        var outcome = await UseCases.Create(_store).ExecuteAsync(Source(), Album, CancellationToken.None);

        Assert.False(outcome.Failed);
        Assert.False(outcome.Reused);
        Assert.Equal(ReportKey, outcome.ReportKey);
        Assert.Equal(AnalyzerVersion.Current, outcome.AnalyzerVersion);
        var report = StoredReports.Read(_store, ReportKey);
        // EBU Tech 3341 case 1: a stereo 1 kHz sine at -23 dBFS reads -23 LUFS.
        Assert.InRange(report.Track.Loudness!.IntegratedLufs!.Value, -23.1, -22.9);
        Assert.Null(report.Track.Error);
        Assert.Equal(AnalyzerVersion.Current, report.AnalyzerVersion);
        Assert.Equal((await _store.HeadAsync(UseCases.AudioBucket, Key, CancellationToken.None))!.ETag, report.Source.ETag);
        Assert.Equal(Album, report.AlbumKey);
        // 5 s in 400 ms blocks on a 100 ms hop: 47 blocks; 3 s windows: 21.
        Assert.Equal(47, LoudnessHistogram.Decode(report.Blocks!.BlockHistogram).Count);
        Assert.Equal(21, LoudnessHistogram.Decode(report.Blocks.ShortTermHistogram).Count);
    }

    [Fact]
    public async Task The_same_etag_and_analyzer_version_reuse_the_report_without_reading_the_audio()
    {
        _store.Put(UseCases.AudioBucket, Key, Wav.Sine(-23, seconds: 2));
        var useCase = UseCases.Create(_store);
        await useCase.ExecuteAsync(Source(), Album, CancellationToken.None);

        var again = await useCase.ExecuteAsync(Source(), Album, CancellationToken.None);

        Assert.True(again.Reused);
        Assert.False(again.Failed);
        Assert.Equal(ReportKey, again.ReportKey);
        Assert.Equal(1, _store.Reads[Key]);
    }

    [Fact]
    public async Task A_report_without_the_codec_preview_is_not_reused_for_a_profile_that_asks_for_it()
    {
        _store.Put(UseCases.AudioBucket, Key, Wav.Sine(-6, seconds: 2, sampleRate: 44_100));
        var useCase = UseCases.Create(_store);
        var first = await useCase.ExecuteAsync(Source(), Album, "ebu-r128", CancellationToken.None);
        Assert.Null(StoredReports.Read(_store, ReportKey).Track.CodecPreview);

        var apple = await useCase.ExecuteAsync(Source(), Album, "apple", CancellationToken.None);
        var withPreview = await useCase.ExecuteAsync(Source(), Album, "ebu-r128", CancellationToken.None);

        Assert.False(first.Reused);
        Assert.False(apple.Reused);
        // The report measured for apple answers any later job: ebu-r128 does not need the preview, and keeps it.
        Assert.True(withPreview.Reused);
        var preview = StoredReports.Read(_store, ReportKey).Track.CodecPreview!;
        Assert.Equal(["aac@256", "opus@160"], preview.Select(c => $"{c.Codec}@{c.BitrateKbps}"));
        Assert.All(preview, c => Assert.InRange(c.TruePeakDbtp!.Value, -6.5, -5.5));
        // One read for each analysis, one per codec for the preview.
        Assert.Equal(1 + 1 + 2, _store.Reads[Key]);
    }

    [Fact]
    public async Task A_new_etag_or_another_analyzer_version_analyzes_again()
    {
        _store.Put(UseCases.AudioBucket, Key, Wav.Sine(-23, seconds: 2));
        var useCase = UseCases.Create(_store);
        await useCase.ExecuteAsync(Source(), Album, CancellationToken.None);

        _store.Put(UseCases.AudioBucket, Key, Wav.Sine(-20, seconds: 2));
        var newContent = await useCase.ExecuteAsync(Source(), Album, CancellationToken.None);
        Assert.False(newContent.Reused);
        Assert.InRange(StoredReports.Read(_store, ReportKey).Track.Loudness!.IntegratedLufs!.Value, -20.1, -19.9);

        StoredReports.Write(_store, ReportKey, StoredReports.Read(_store, ReportKey) with { AnalyzerVersion = "0.0.1-old" });
        var newEngine = await useCase.ExecuteAsync(Source(), Album, CancellationToken.None);
        Assert.False(newEngine.Reused);
        Assert.Equal(AnalyzerVersion.Current, StoredReports.Read(_store, ReportKey).AnalyzerVersion);
        Assert.Equal(3, _store.Reads[Key]);
    }

    [Fact]
    public async Task A_corrupt_object_gets_a_failure_report_and_a_failed_outcome()
    {
        _store.Put(UseCases.AudioBucket, Key, Wav.Corrupt());

        var outcome = await UseCases.Create(_store).ExecuteAsync(Source(), Album, CancellationToken.None);

        Assert.True(outcome.Failed);
        Assert.Equal("invalid-header", outcome.Error!.Code);
        Assert.Contains(Key, outcome.Error.Message, StringComparison.Ordinal);
        var report = StoredReports.Read(_store, ReportKey);
        Assert.Equal("invalid-header", report.Track.Error!.Code);
        Assert.Null(report.Track.Loudness);
        Assert.Null(report.Blocks);

        // Deterministic for the same content and engine: the failure is reused, not decoded again.
        var again = await UseCases.Create(_store).ExecuteAsync(Source(), Album, CancellationToken.None);
        Assert.True(again.Reused);
        Assert.Equal("invalid-header", again.Error!.Code);
    }

    [Fact]
    public async Task A_missing_object_gets_an_object_not_found_failure_report_and_a_failed_outcome()
    {
        var outcome = await UseCases.Create(_store).ExecuteAsync(Source() with { ETag = "etag-of-the-event", Size = 10 }, Album, CancellationToken.None);

        Assert.True(outcome.Failed);
        Assert.False(outcome.Reused);
        Assert.Equal(ReportKey, outcome.ReportKey);
        Assert.Equal(TrackAnalysisUseCase.ObjectNotFoundCode, outcome.Error!.Code);
        Assert.Equal("object-not-found", outcome.Error.Code);
        Assert.Contains($"s3://{UseCases.AudioBucket}/{Key}", outcome.Error.Message, StringComparison.Ordinal);
        var report = StoredReports.Read(_store, ReportKey);
        Assert.Equal("object-not-found", report.Track.Error!.Code);
        Assert.Contains($"s3://{UseCases.AudioBucket}/{Key}", report.Track.Error.Message, StringComparison.Ordinal);
        Assert.Equal(Album, report.AlbumKey);
        Assert.Null(report.Source.ETag);
        Assert.Null(report.Track.Loudness);
        Assert.Null(report.Blocks);
    }

    [Fact]
    public async Task An_object_uploaded_after_an_object_not_found_report_is_analyzed_not_reused()
    {
        var useCase = UseCases.Create(_store);
        await useCase.ExecuteAsync(Source(), Album, CancellationToken.None);

        _store.Put(UseCases.AudioBucket, Key, Wav.Sine(-23, seconds: 2));
        var outcome = await useCase.ExecuteAsync(Source(), Album, CancellationToken.None);

        Assert.False(outcome.Failed);
        Assert.False(outcome.Reused);
        Assert.InRange(StoredReports.Read(_store, ReportKey).Track.Loudness!.IntegratedLufs!.Value, -23.1, -22.9);
    }

    [Fact]
    public async Task An_object_deleted_between_head_and_read_gets_an_object_not_found_failure_report()
    {
        _store.Put(UseCases.AudioBucket, Key, Wav.Sine(-23, seconds: 2));
        var store = new DeletedAfterHeadStore(_store);

        var outcome = await UseCases.Create(store).ExecuteAsync(Source(), Album, CancellationToken.None);

        Assert.True(outcome.Failed);
        Assert.Equal("object-not-found", outcome.Error!.Code);
        Assert.Equal("object-not-found", StoredReports.Read(_store, ReportKey).Track.Error!.Code);
    }

    [Fact]
    public async Task An_unreadable_report_is_replaced()
    {
        _store.Put(UseCases.AudioBucket, Key, Wav.Sine(-23, seconds: 2));
        _store.Put(UseCases.ReportsBucket, ReportKey, "{ not json"u8.ToArray());

        var outcome = await UseCases.Create(_store).ExecuteAsync(Source(), Album, CancellationToken.None);

        Assert.False(outcome.Reused);
        Assert.NotNull(StoredReports.Read(_store, ReportKey).Track.Loudness);
    }

    [Fact]
    public void Report_keys_follow_the_source_bucket_and_key() =>
        Assert.Equal("reports/tracks/b/a/c d.flac.json", TrackReportKeys.For("b", "a/c d.flac"));

    private static ObjectRef Source() => new() { Bucket = UseCases.AudioBucket, Key = Key };

    /// <summary>HEAD sees the source object; opening it finds it gone (deleted in between). Reports pass through.</summary>
    private sealed class DeletedAfterHeadStore(InMemoryObjectStore inner) : IObjectStore
    {
        public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) => inner.HeadAsync(bucket, key, cancellationToken);

        public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken) =>
            bucket == UseCases.AudioBucket ? throw new ObjectNotFoundException(bucket, key) : inner.OpenReadAsync(bucket, key, cancellationToken);

        public Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken) =>
            inner.PutAsync(bucket, key, content, contentType, cancellationToken);

        public IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
            inner.ListAsync(bucket, prefix, cancellationToken);
    }
}
