using Microsoft.Extensions.Logging.Abstractions;
using MixFleet.Fleet.Albums;
using MixFleet.Jobs.Schema;
using MixFleet.Jobs.Store;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;
using MixFleet.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace MixFleet.Fleet.Tests.Jobs;

/// <summary>
/// The dashboard's reads on the real PostgreSQL, over one job of 100,000 tracks in 10,000 albums (every 10th failing,
/// seeded with SQL): findings written with the album and replaced on a rewrite, keyset pages and filters, and the plans
/// of the page queries (index scans, never a scan of the job).
/// </summary>
[Trait("Category", "Integration")]
public sealed class DashboardQueriesTests(DashboardQueriesTests.BigJob job, ITestOutputHelper output) : IClassFixture<DashboardQueriesTests.BigJob>
{
    [Fact]
    public async Task Albums_FailingOnly_PagesThroughEveryFailingAlbumInKeyOrder()
    {
        var queries = new AlbumQueries(job.DataSource);
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await queries.ListAsync(job.JobId, new DashboardFilter(FailingOnly: true), after, 400, CancellationToken.None);
            seen.AddRange(page.Select(a => a.AlbumKey));
            after = page.Count == 400 ? page[^1].AlbumKey : null;
        }
        while (after is not null);

        // Albums 0, 10, 20, … 9990 fail: 1,000 of them, each once, in byte order.
        var expected = Enumerable.Range(0, 1000).Select(i => BigJob.Album(i * 10)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Albums_ByPrefix_KeepOnlyThatPrefix()
    {
        var page = await new AlbumQueries(job.DataSource).ListAsync(job.JobId, new DashboardFilter(AlbumPrefix: "label/artist-0042/"), null, 50, CancellationToken.None);

        // Artist 42 has albums 4200–4299 (100 albums), the page holds the first 50 of them.
        Assert.Equal(Enumerable.Range(4200, 50).Select(BigJob.Album), page.Select(a => a.AlbumKey));
    }

    [Fact]
    public async Task Findings_FailingOnly_ContinueAfterTheCursor()
    {
        var queries = new AlbumQueries(job.DataSource);
        var first = await queries.ListFindingsAsync(job.JobId, new DashboardFilter(FailingOnly: true), null, 3, CancellationToken.None);
        var last = first[^1];
        var next = await queries.ListFindingsAsync(job.JobId, new DashboardFilter(FailingOnly: true), new FindingCursor(last.AlbumKey, last.Finding.TrackKey, last.Finding.Rule), 3, CancellationToken.None);

        // Each failing album has one failing track (track 01, true-peak) and a warning the filter leaves out.
        Assert.Equal(Enumerable.Range(0, 6).Select(i => BigJob.Album(i * 10) + "01.wav"), first.Concat(next).Select(f => f.Finding.TrackKey));
        Assert.All(first.Concat(next), f => Assert.Equal(("true-peak", "fail"), (f.Finding.Rule, f.Finding.Status)));
    }

    [Theory]
    [InlineData("albums", false, "job_albums_pkey")]
    [InlineData("albums", true, "job_albums_failing")]
    [InlineData("findings", false, "job_findings_pkey")]
    [InlineData("findings", true, "job_findings_failing")]
    public async Task PageQuery_OnAJobOf100000Tracks_WalksItsIndex(string list, bool failingOnly, string index)
    {
        var sql = list == "albums" ? AlbumQueries.AlbumPageSql(failingOnly) : AlbumQueries.FindingPageSql(failingOnly);
        // A page in the middle of the job, as "more" links ask for it.
        object?[] values = list == "albums"
            ? [job.JobId, null, null, BigJob.Album(5000), 51]
            : [job.JobId, null, null, BigJob.Album(5000), "", "", 51];
        await using var connection = await job.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("explain (analyze, format text) " + sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        output.WriteLine(string.Join('\n', plan));
        var text = string.Join('\n', plan);
        Assert.Contains(index, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkWritten_RecordsTheAlbumsWarnAndFailVerdicts_AndARewriteReplacesThem()
    {
        var store = new AlbumStore(job.DataSource, TimeProvider.System);
        var jobId = await job.NewJobWithClaimedAlbumAsync("small/album/");
        var album = AlbumWith(("small/album/01.wav", "true-peak", VerdictStatus.Fail), ("small/album/01.wav", "loudness", VerdictStatus.Pass), ("", "album-title", VerdictStatus.Warn));

        Assert.True(await store.MarkWrittenAsync(jobId, "small/album/", "fail", "reports/albums/b/small/album/album.json", AlbumFindings.From(album), CancellationToken.None));
        var written = await new AlbumQueries(job.DataSource).ListAlbumFindingsAsync(jobId, "small/album/", 100, CancellationToken.None);
        Assert.Equal([("", "album-title", "warn"), ("small/album/01.wav", "true-peak", "fail")], written.Select(f => (f.Finding.TrackKey, f.Finding.Rule, f.Finding.Status)));

        // The album written again (a repeated aggregation, or a reopened event album) with the track now passing.
        await store.MarkWrittenAsync(jobId, "small/album/", "warn", "reports/albums/b/small/album/album.json", AlbumFindings.From(AlbumWith(("", "album-title", VerdictStatus.Warn))), CancellationToken.None);
        var rewritten = await new AlbumQueries(job.DataSource).ListAlbumFindingsAsync(jobId, "small/album/", 100, CancellationToken.None);
        Assert.Equal([("", "album-title", "warn")], rewritten.Select(f => (f.Finding.TrackKey, f.Finding.Rule, f.Finding.Status)));
    }

    private static AlbumReport AlbumWith(params (string Track, string Rule, VerdictStatus Status)[] verdicts)
    {
        RuleVerdict V((string Track, string Rule, VerdictStatus Status) v) =>
            new() { Rule = v.Rule, Status = v.Status, Measured = "-0.1 dBTP", Threshold = "≤ -1.0 dBTP", Reason = "why" };
        var tracks = verdicts.Where(v => v.Track.Length > 0).GroupBy(v => v.Track).Select((g, i) => new AlbumTrackReport
        {
            Path = g.Key, Position = i + 1, Label = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), NumberSource = NumberSource.FileName,
            Status = VerdictStatus.Fail, Verdicts = g.Select(V).ToList(),
        }).ToList();
        return new AlbumReport
        {
            Name = "album", Path = "small/album/", Profile = "streaming", Status = VerdictStatus.Fail,
            Loudness = null!, Sequencing = null!, Format = null!, Metadata = null!,
            Tracks = tracks, Verdicts = verdicts.Where(v => v.Track.Length == 0).Select(V).ToList(),
        };
    }

    /// <summary>A migrated database with one job of 100,000 tracks in 10,000 albums of 10 (artists of 100 albums).</summary>
    public sealed class BigJob : IAsyncLifetime
    {
        private readonly string _database = TestDatabase.Create();

        public NpgsqlDataSource DataSource { get; private set; } = null!;

        public Guid JobId { get; } = Guid.NewGuid();

        public static string Album(int i) => $"label/artist-{i / 100:0000}/album-{i:00000}/";

        public async Task InitializeAsync()
        {
            DataSource = NpgsqlDataSource.Create(_database);
            await SchemaMigrator.MigrateAsync(DataSource, _database, NullLogger.Instance, CancellationToken.None);
            await using var c = await DataSource.OpenConnectionAsync();
            // One script (the simple protocol runs several statements); the only value spliced in is a Guid.
            await using var seed = new NpgsqlCommand($"""
                insert into jobs (job_id, kind, bucket, prefix, profile, state, created_at, updated_at, total, analyzed, albums_total, albums_reported)
                values ($1, 'scan', 'masters', 'label/', 'streaming', 'completed', now(), now(), 100000, 100000, 10000, 10000);
                insert into job_albums (job_id, album_key, bucket, expected, settled, sealed, last_added_at, aggregation, qc_status, report_key)
                select $1, format('label/artist-%s/album-%s/', to_char(i / 100, 'FM0000'), to_char(i, 'FM00000')), 'masters', 10, 10, true, now(), 'written',
                       case when i % 10 = 0 then 'fail' else 'pass' end, 'k'
                  from generate_series(0, 9999) i;
                insert into job_tracks (job_id, key, bucket, etag, album_key, state, added_at)
                select $1, a.album_key || format('%s.wav', to_char(t, 'FM00')), 'masters', 'e', a.album_key, 'analyzed', now()
                  from job_albums a, generate_series(1, 10) t where a.job_id = $1;
                insert into job_findings (job_id, album_key, track_key, rule, status, measured, threshold, reason)
                select $1, album_key, album_key || '01.wav', 'true-peak', 'fail', '-0.1 dBTP', '≤ -1.0 dBTP', 'over' from job_albums where qc_status = 'fail'
                union all
                select $1, album_key, album_key || '02.wav', 'isrc', 'warn', null, 'present', 'no ISRC' from job_albums;
                analyze;
                """.Replace("$1", $"'{JobId:D}'::uuid", StringComparison.Ordinal), c);
            await seed.ExecuteNonQueryAsync();
        }

        /// <summary>A separate small job whose one album is claimed, ready to be marked written.</summary>
        public async Task<Guid> NewJobWithClaimedAlbumAsync(string albumKey)
        {
            var id = Guid.NewGuid();
            await using var c = await DataSource.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch(c)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("""
                insert into jobs (job_id, kind, bucket, prefix, profile, state, created_at, updated_at, total, albums_total)
                values ($1, 'scan', 'b', '', 'streaming', 'running', now(), now(), 1, 1)
                """) { Parameters = { new() { Value = id } } },
                    new NpgsqlBatchCommand("""
                insert into job_albums (job_id, album_key, bucket, expected, settled, sealed, last_added_at, aggregation, claims, claimed_at)
                values ($1, $2, 'b', 1, 1, true, now(), 'claimed', 1, now())
                """) { Parameters = { new() { Value = id }, new() { Value = albumKey } } },
                },
            };
            await batch.ExecuteNonQueryAsync();
            return id;
        }

        public async Task DisposeAsync()
        {
            await DataSource.DisposeAsync();
            await TestDatabase.DropAsync(_database);
        }
    }
}
