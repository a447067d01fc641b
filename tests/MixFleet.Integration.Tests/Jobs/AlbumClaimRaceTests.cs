using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.Integration.Tests.Support;
using MixFleet.Jobs;
using MixFleet.Jobs.Store;
using MixFleet.Testing;
using Npgsql;

namespace MixFleet.Integration.Tests.Jobs;

/// <summary>
/// Two workers settle an album's last two tracks at the same moment: the job store on the real PostgreSQL claims the
/// album's aggregation exactly once (docs/jobs.md, "Albums and sealing": a conditional <c>UPDATE … RETURNING</c> under
/// the album row's lock), never twice and never zero times.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AlbumClaimRaceTests
{
    private const string Bucket = "masters";
    private const int Albums = 50;
    private const int TracksPerAlbum = 3;

    [Fact]
    public async Task Two_settlements_of_an_albums_last_two_tracks_racing_on_separate_connections_claim_its_aggregation_exactly_once()
    {
        var database = TestDatabase.Create();
        var host = await StartJobStoreAsync(database);
        try
        {
            await RaceAsync(database, host);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
            await TestDatabase.DropAsync(database);
        }
    }

    private static async Task RaceAsync(string database, IHost host)
    {
        var scans = host.Services.GetRequiredService<ScanJobStore>();
        var settlements = host.Services.GetRequiredService<SettlementStore>();
        var now = TimeProvider.System.GetUtcNow();
        var jobId = Guid.NewGuid();
        var albums = Enumerable.Range(0, Albums).Select(a => $"label/artist/album {a:000}/").ToList();
        var tracks = albums.ToDictionary(a => a, a => Enumerable.Range(1, TracksPerAlbum).Select(t => new ListedObject($"{a}{t:00} - track.wav", $"etag-{t}", 1000)).ToList());

        // One scan page lists every album and seals them all (the last page); the first track of each settles at once.
        await scans.CreateAsync(jobId, Bucket, "label/", "streaming", now, CancellationToken.None);
        var cursor = (await scans.GetCursorAsync(jobId, CancellationToken.None))!;
        var all = albums.SelectMany(a => tracks[a]).ToList();
        var page = await scans.RecordPageAsync(cursor, 0, all, [], all[^1].Key, nextToken: null, now, CancellationToken.None);
        Assert.Equal((true, 0), (page.Recorded, page.Claims.Count));
        var early = await settlements.SettleAsync(albums.SelectMany(a => tracks[a].SkipLast(2)).Select(o => Analyzed(o)).ToList(), CancellationToken.None);
        Assert.Equal((Albums, 0), (early.TracksSettled, early.Claims.Count));

        foreach (var album in albums)
        {
            // A third transaction holds the album's row, so that both settlements reach the claim together on every
            // round: each settles its own track, then waits for the row; released, they race for the claim.
            await using var holder = new NpgsqlConnection(database);
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("select 1 from job_albums where job_id = $1 and album_key = $2 for update", holder, hold))
            {
                lockRow.Parameters.Add(new NpgsqlParameter { Value = jobId });
                lockRow.Parameters.Add(new NpgsqlParameter { Value = album });
                await lockRow.ExecuteNonQueryAsync();
            }

            // The barrier: both settlements start together, each on a connection of its own from the pool.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var last = tracks[album].TakeLast(2).ToList();
            var racing = new[] { Analyzed(last[0], failed: albums.IndexOf(album) % 2 == 1), Analyzed(last[1]) }
                .Select(s => Task.Run(async () =>
                {
                    await start.Task;
                    return await settlements.SettleAsync([s], CancellationToken.None);
                }))
                .ToList();
            start.SetResult();
            await Poll.UntilAsync(async () => await WaitingForLocksAsync(database) == 2, $"both settlements of {album} to wait for its row");
            await hold.CommitAsync();
            var outcomes = await Task.WhenAll(racing);

            Assert.All(outcomes, o => Assert.Equal(1, o.TracksSettled));
            // Each claim returned is sent as one AggregateAlbum (AlbumClaimSender): exactly one per album.
            var claim = Assert.Single(outcomes.SelectMany(o => o.Claims));
            Assert.Equal((jobId, album, Bucket, "streaming"), (claim.JobId, claim.AlbumKey, claim.Bucket, claim.Profile));
        }

        var rows = await JobRows.AlbumsAsync(database, jobId);
        Assert.Equal(albums, rows.Select(r => r.AlbumKey));
        Assert.All(rows, r => Assert.Equal((TracksPerAlbum, TracksPerAlbum, "claimed", 1), (r.Expected, r.Settled, r.Aggregation, r.Claims)));
        Assert.Equal(Albums / 2, await TestDatabase.ScalarAsync<int>(database, "select failed from jobs where job_id = $1", jobId));
        Assert.Equal(Albums * TracksPerAlbum - (Albums / 2), await TestDatabase.ScalarAsync<int>(database, "select analyzed from jobs where job_id = $1", jobId));
    }

    private static TrackSettlement Analyzed(ListedObject o, bool failed = false) =>
        new(Bucket, o.Key, o.ETag, failed, o.ETag, failed ? null : "test-1", failed ? "invalid-header" : null);

    // Backends of this test's database waiting for a lock (the two settlements, blocked on the album's row).
    private static Task<long> WaitingForLocksAsync(string database) =>
        TestDatabase.ScalarAsync<long>(database, "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");

    // The job store as the services register it (AddJobStore); starting the host migrates the schema.
    private static async Task<IHost> StartJobStoreAsync(string database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MixFleet:Postgres:ConnectionString"] = database });
        builder.AddJobStore();
        var host = builder.Build();
        using var starting = new CancellationTokenSource(FleetRun.StartTimeout);
        await host.StartAsync(starting.Token);
        return host;
    }
}
