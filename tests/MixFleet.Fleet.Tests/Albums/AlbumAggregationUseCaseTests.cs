using MixFleet.Analysis.Loudness;
using MixFleet.Testing;
using System.Text;
using MixFleet.Contracts.Keys;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Albums;
using MixFleet.Fleet.Tests.Support;
using MixFleet.Fleet.Tracks;
using MixFleet.Reports;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;

namespace MixFleet.Fleet.Tests.Albums;

public sealed class AlbumAggregationUseCaseTests
{
    private const string Album = "label/artist/album/";
    private const string Profile = "streaming";
    private static readonly double[] _levels = [-20, -23, -26];

    private readonly InMemoryObjectStore _store = new();
    private readonly TrackAnalysisUseCase _tracks;
    private readonly AlbumAggregationUseCase _albums;

    public AlbumAggregationUseCaseTests()
    {
        _tracks = UseCases.Create(_store);
        _albums = UseCases.CreateAlbum(_store);
    }

    [Fact]
    public async Task Album_loudness_pools_the_blocks_of_every_track_given()
    {
        var keys = PutAlbum(seconds: 10);
        foreach (var key in keys)
        {
            await AnalyzeAsync(key);
        }

        // The job store's order does not matter: the album lists its tracks in key order.
        var outcome = await AggregateAsync(keys.OrderDescending(StringComparer.Ordinal));

        Assert.Equal(AlbumAggregationStatus.Written, outcome.Status);
        Assert.Equal(3, outcome.TrackCount);
        Assert.Equal("reports/albums/audio/label/artist/album/album.json", outcome.JsonKey);
        Assert.Equal("reports/albums/audio/label/artist/album/album.csv", outcome.CsvKey);
        Assert.Equal("reports/albums/audio/label/artist/album/album.html", outcome.HtmlKey);
        Assert.NotNull(outcome.QcStatusName);

        var document = ReadAlbum();
        var album = Assert.Single(document.Albums);
        Assert.Equal(Album, album.Path);
        Assert.Equal(Profile, document.Profile);
        Assert.Equal(outcome.QcStatus, album.Status);
        Assert.Equal(keys, document.Tracks.Select(t => t.Path));
        Assert.NotEmpty(document.Catalog);

        // BS.1770 over the pooled blocks: every block of these steady sines passes both gates, so the album level is
        // the block-count-weighted power mean of the track levels.
        var stored = keys.Select(k => StoredReports.Read(_store, TrackReportKeys.For(UseCases.AudioBucket, k))).ToList();
        var blocks = stored.Select(s => (double)LoudnessHistogram.Decode(s.Blocks!.BlockHistogram).Count).ToList();
        var levels = stored.Select(s => s.Track.Loudness!.IntegratedLufs!.Value).ToList();
        var expected = 10 * Math.Log10(levels.Zip(blocks, (l, n) => n * Math.Pow(10, l / 10)).Sum() / blocks.Sum());
        Assert.InRange(expected, -22.45, -22.2);   // sanity: 10·log10((10^-2 + 10^-2.3 + 10^-2.6) / 3) ≈ -22.34
        Assert.InRange(album.Loudness.IntegratedLufs!.Value, expected - 0.05, expected + 0.05);

        for (var i = 0; i < keys.Length; i++)
        {
            var track = Assert.Single(album.Tracks, t => t.Path == keys[i]);
            Assert.InRange(track.DeviationLu!.Value, _levels[i] - expected - 0.05, _levels[i] - expected + 0.05);
            Assert.Null(track.ErrorCode);
        }

        var csv = Text(outcome.CsvKey!);
        Assert.Contains(keys[0], csv, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", Text(outcome.HtmlKey!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_track_counts_as_done_and_is_listed_with_its_error()
    {
        var keys = PutAlbum(seconds: 3);
        var corrupt = Album + "04 - corrupt.wav";
        _store.Put(UseCases.AudioBucket, corrupt, Wav.Corrupt());
        foreach (var key in keys.Append(corrupt))
        {
            await AnalyzeAsync(key);
        }

        var outcome = await AggregateAsync(keys.Append(corrupt));

        Assert.Equal(AlbumAggregationStatus.Written, outcome.Status);
        Assert.Equal(4, outcome.TrackCount);
        var document = ReadAlbum();
        Assert.Equal("invalid-header", Assert.Single(document.Tracks, t => t.Path == corrupt).Error!.Code);
        var listed = Assert.Single(Assert.Single(document.Albums).Tracks, t => t.Path == corrupt);
        Assert.Equal("invalid-header", listed.ErrorCode);
        Assert.Null(listed.IntegratedLufs);
        // The failed track takes no part in the album loudness.
        Assert.Equal(3, Assert.Single(document.Albums).Tracks.Count(t => t.IntegratedLufs is not null));
    }

    [Fact]
    public async Task Aggregating_twice_writes_the_same_bytes()
    {
        var keys = PutAlbum(seconds: 3);
        foreach (var key in keys)
        {
            await AnalyzeAsync(key);
        }

        var first = await AggregateAsync(keys);
        var bytes = new[] { first.JsonKey!, first.CsvKey!, first.HtmlKey! }.Select(k => _store.Get(UseCases.ReportsBucket, k)!).ToList();
        var second = await UseCases.CreateAlbum(_store).ExecuteAsync(Guid.NewGuid(), UseCases.AudioBucket, Album, keys, Profile, CancellationToken.None);

        // The report object is rebuilt each time (lists compare by reference): compare the outcome without it, and its findings.
        Assert.Equal(first with { Album = null }, second with { Album = null });
        Assert.Equal(AlbumFindings.From(first.Album!), AlbumFindings.From(second.Album!));
        Assert.Equal(bytes[0], _store.Get(UseCases.ReportsBucket, second.JsonKey!));
        Assert.Equal(bytes[1], _store.Get(UseCases.ReportsBucket, second.CsvKey!));
        Assert.Equal(bytes[2], _store.Get(UseCases.ReportsBucket, second.HtmlKey!));
    }

    [Fact]
    public async Task Keys_in_deeper_folders_other_albums_and_non_audio_keys_are_ignored()
    {
        var keys = PutAlbum(seconds: 3);
        // Each of these has a report, so only its key keeps it out of the album.
        string[] others = [Album + "bonus/x.wav", "label/artist/other-album/01 - x.wav", "label/artist/album-2/01 - x.wav"];
        foreach (var other in others)
        {
            _store.Put(UseCases.AudioBucket, other, Wav.Sine(-23, seconds: 1));
            await _tracks.ExecuteAsync(new ObjectRef { Bucket = UseCases.AudioBucket, Key = other }, AlbumKeys.Of(other), CancellationToken.None);
        }

        foreach (var key in keys)
        {
            await AnalyzeAsync(key);
        }

        var outcome = await AggregateAsync([.. keys, .. others, Album + "cover.jpg", Album]);

        Assert.Equal(AlbumAggregationStatus.Written, outcome.Status);
        Assert.Equal(3, outcome.TrackCount);
        var document = ReadAlbum();
        Assert.Equal(keys, document.Tracks.Select(t => t.Path));
        Assert.Equal(keys, Assert.Single(document.Albums).Tracks.Select(t => t.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_track_without_a_report_is_left_out_and_the_album_is_written_with_the_others()
    {
        var keys = PutAlbum(seconds: 10);
        await AnalyzeAsync(keys[0]);
        await AnalyzeAsync(keys[2]);

        var outcome = await AggregateAsync(keys);

        Assert.Equal(AlbumAggregationStatus.Written, outcome.Status);
        Assert.Equal(2, outcome.TrackCount);
        Assert.Equal("reports/albums/audio/label/artist/album/album.json", outcome.JsonKey);
        string[] present = [keys[0], keys[2]];
        var expected = AssertAlbumOf(present, outcome);
        Assert.InRange(expected, -22.2, -21.9);   // sanity: 10·log10((10^-2 + 10^-2.6) / 2) ≈ -22.04, not the -22.34 of all three
        Assert.DoesNotContain(keys[1], Text(outcome.CsvKey!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_track_whose_report_is_unreadable_is_left_out_and_the_album_is_written_with_the_others()
    {
        var keys = PutAlbum(seconds: 10);
        foreach (var key in keys)
        {
            await AnalyzeAsync(key);
        }

        _store.Put(UseCases.ReportsBucket, TrackReportKeys.For(UseCases.AudioBucket, keys[1]), "{ not json");

        var outcome = await AggregateAsync(keys);

        Assert.Equal(AlbumAggregationStatus.Written, outcome.Status);
        Assert.Equal(2, outcome.TrackCount);
        string[] present = [keys[0], keys[2]];
        Assert.InRange(AssertAlbumOf(present, outcome), -22.2, -21.9);
    }

    [Fact]
    public async Task Not_complete_only_when_no_report_at_all_can_be_read()
    {
        var keys = PutAlbum(seconds: 3);

        var none = await AggregateAsync(keys);

        Assert.Equal(AlbumAggregationStatus.NotComplete, none.Status);
        Assert.False(none.Written);
        Assert.Equal(0, none.TrackCount);
        Assert.Null(none.JsonKey);
        Assert.Null(none.QcStatusName);
        Assert.Null(_store.Get(UseCases.ReportsBucket, AlbumReportKeys.Json(UseCases.AudioBucket, Album)));
        Assert.Null(_store.Get(UseCases.ReportsBucket, AlbumReportKeys.Csv(UseCases.AudioBucket, Album)));
        Assert.Null(_store.Get(UseCases.ReportsBucket, AlbumReportKeys.Html(UseCases.AudioBucket, Album)));

        // One readable report is enough.
        await AnalyzeAsync(keys[1]);
        var one = await AggregateAsync(keys);

        Assert.Equal(AlbumAggregationStatus.Written, one.Status);
        Assert.Equal(1, one.TrackCount);
        Assert.Equal(keys[1], Assert.Single(ReadAlbum().Tracks).Path);
    }

    [Fact]
    public async Task An_album_without_tracks_is_not_complete_and_an_unknown_profile_throws()
    {
        Assert.Equal(AlbumAggregationStatus.NotComplete, (await AggregateAsync([])).Status);
        await Assert.ThrowsAsync<QcProfileException>(() => _albums.ExecuteAsync(Guid.NewGuid(), UseCases.AudioBucket, Album, [], "no-such-profile", CancellationToken.None));
    }

    [Theory]
    [InlineData("a/b/01.wav", true)]
    [InlineData("a/b/01.FLAC", true)]
    [InlineData("a/b/c/01.wav", false)]
    [InlineData("a/b/cover.jpg", false)]
    [InlineData("a/b/", false)]
    [InlineData("a/bc/01.wav", false)]
    public void Album_tracks_are_audio_objects_directly_under_the_prefix(string key, bool expected) =>
        Assert.Equal(expected, AlbumAggregationUseCase.IsAlbumTrack("a/b/", key));

    [Fact]
    public async Task Joins_are_measured_body_to_body_from_the_stored_edges_and_the_fix_uses_the_album_loudness()
    {
        // Track 1: a -12 LUFS body fading 30 dB over 6 s; track 2: rising 20 dB over 6 s into a -22 LUFS body. The
        // stored reports carry the edges, so the album worker sees the 10 LU body drop behind the fades without audio.
        string[] keys = [$"{Album}01 - fade out.wav", $"{Album}02 - fade in.wav"];
        _store.Put(UseCases.AudioBucket, keys[0], Wav.FadedSine(-12, 20, fadeInSeconds: 0, fadeOutSeconds: 6, fadeDepthDb: -30));
        _store.Put(UseCases.AudioBucket, keys[1], Wav.FadedSine(-22, 20, fadeInSeconds: 6, fadeOutSeconds: 0, fadeDepthDb: -20));
        foreach (var key in keys)
        {
            await AnalyzeAsync(key);
        }

        await AggregateAsync(keys);

        var stored = StoredReports.Read(_store, TrackReportKeys.For(UseCases.AudioBucket, keys[0]));
        Assert.Equal(-12.0, stored.Track.Edges!.OutroBodyLufs!.Value, 0.1);
        Assert.Equal(MixFleet.Analysis.AnalyzerVersion.Current, stored.AnalyzerVersion);
        var album = Assert.Single(ReadAlbum().Albums);
        var join = Assert.Single(album.Sequencing.Transitions);
        Assert.Equal(-10.0, join.BodyJumpLu!.Value, 0.2);
        Assert.Equal(VerdictStatus.Warn, album.Verdicts.Single(v => v.Rule.StartsWith("transition", StringComparison.Ordinal)).Status);
        Assert.Equal(-14 - album.Loudness.IntegratedLufs!.Value, album.Fix!.GainDb, 0.011);
        Assert.All(album.Tracks, t => Assert.Equal(album.Fix.GainDb, t.AlbumFix!.GainDb));
    }

    [Fact]
    public void Album_keys_need_a_trailing_slash() =>
        Assert.Throws<ArgumentException>(() => AlbumReportKeys.Json("audio", "label/artist/album"));

    private string[] PutAlbum(double seconds)
    {
        var keys = _levels.Select((level, i) => $"{Album}{i + 1:00} - sine {-level:0}.wav").ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            _store.Put(UseCases.AudioBucket, keys[i], Wav.Sine(_levels[i], seconds));
        }

        return keys;
    }

    private Task<TrackAnalysisOutcome> AnalyzeAsync(string key) =>
        _tracks.ExecuteAsync(new ObjectRef { Bucket = UseCases.AudioBucket, Key = key }, Album, CancellationToken.None);

    private Task<AlbumAggregationOutcome> AggregateAsync(IEnumerable<string> trackKeys) =>
        _albums.ExecuteAsync(Guid.NewGuid(), UseCases.AudioBucket, Album, trackKeys.ToList(), Profile, CancellationToken.None);

    // The album report holds exactly the tracks of `present`, and its loudness is theirs alone: the block-count-weighted
    // power mean of their stored levels (every block of these steady sines passes both gates). Returns that level.
    private double AssertAlbumOf(string[] present, AlbumAggregationOutcome outcome)
    {
        var document = ReadAlbum();
        var album = Assert.Single(document.Albums);
        Assert.Equal(present, document.Tracks.Select(t => t.Path));
        Assert.Equal(present, album.Tracks.Select(t => t.Path).Order(StringComparer.Ordinal));
        Assert.Equal(outcome.QcStatus, album.Status);

        var stored = present.Select(k => StoredReports.Read(_store, TrackReportKeys.For(UseCases.AudioBucket, k))).ToList();
        var blocks = stored.Select(s => (double)LoudnessHistogram.Decode(s.Blocks!.BlockHistogram).Count).ToList();
        var levels = stored.Select(s => s.Track.Loudness!.IntegratedLufs!.Value).ToList();
        var expected = 10 * Math.Log10(levels.Zip(blocks, (l, n) => n * Math.Pow(10, l / 10)).Sum() / blocks.Sum());
        Assert.InRange(album.Loudness.IntegratedLufs!.Value, expected - 0.05, expected + 0.05);
        foreach (var (key, level) in present.Zip(levels))
        {
            var track = Assert.Single(album.Tracks, t => t.Path == key);
            Assert.InRange(track.DeviationLu!.Value, level - expected - 0.05, level - expected + 0.05);
        }

        return expected;
    }

    private AnalysisReport ReadAlbum() =>
        ReportJson.Deserialize(Text(AlbumReportKeys.Json(UseCases.AudioBucket, Album)))!;

    private string Text(string key) =>
        Encoding.UTF8.GetString(_store.Get(UseCases.ReportsBucket, key) ?? throw new Xunit.Sdk.XunitException($"no object at {key}"));
}
