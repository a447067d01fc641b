using MixFleet.Contracts;
using MixFleet.Contracts.Keys;
using MixFleet.Integration.Tests.Support;
using MixFleet.Integration.Tests.Support.Crashes;

namespace MixFleet.Integration.Tests.Crashes;

/// <summary>
/// A worker dies while it writes an album's report; the broker returns the <c>AggregateAlbum</c> delivery and a fresh
/// worker writes the report (docs/jobs.md, "Faults": a claimed aggregation may run again after a crash, never once per
/// track, and the album is claimed once).
/// </summary>
[Trait("Category", "Integration")]
public sealed class AlbumAggregationCrashTests
{
    [Fact]
    public async Task A_worker_killed_during_an_album_aggregation_is_replaced_by_a_fresh_one_that_writes_the_report_of_the_album_claimed_once()
    {
        var crash = new CrashPoint();
        var held = CrashCatalog.Albums[1];
        // The album JSON is written last, after its CSV and HTML: the worker dies in the middle of the aggregation.
        await using var run = await FleetRun.StartAsync(
            ingestionSettings: CrashCatalog.Settings,
            workerServices: services =>
            {
                DelegatingObjectStore.Decorate(services, inner => new PutCrashStore(inner, key => key.EndsWith("/" + held + "album.json", StringComparison.Ordinal), crash));
                CrashPoint.StopConsumersAtOnce(services);
            });
        var catalog = await CrashCatalog.UploadAsync(run);
        Guid jobId;
        using (var client = run.Ingestion.CreateAuthorizedClient())
        {
            jobId = await JobApi.StartScanAsync(client, run.SourceBucket, CrashCatalog.Prefix);
        }

        await crash.Reached.WaitAsync(CrashCatalog.Timeout);
        // Let the rest finish, so that the crash interrupts this aggregation alone and every count below is exact.
        await Poll.UntilAsync(
            async () => (await JobRows.AlbumsAsync(run.Database, jobId)).Count(a => a.Aggregation == "written") == 2,
            "the two other albums to be reported", CrashCatalog.Timeout);
        var dying = run.Workers[0];
        await run.CrashWorkerAsync(dying);

        // What a kill leaves: every track settled, the album claimed and its command sent, its CSV and HTML written but
        // not its JSON, and the AggregateAlbum delivery back in its queue (none in _error).
        var albumQueue = run.QueuePrefix + QueueNames.AlbumAggregation;
        await Poll.UntilAsync(async () => await BrokerQueues.ReadyAsync(albumQueue) == 1, "the AggregateAlbum delivery to return to its queue");
        Assert.Equal(0u, await BrokerQueues.ReadyAsync(albumQueue + "_error"));
        var album = Assert.Single(await JobRows.AlbumsAsync(run.Database, jobId), a => a.AlbumKey == held);
        Assert.Equal(("claimed", 1, true, 4), (album.Aggregation, album.Claims, album.Dispatched, album.Settled));
        Assert.Null(await run.TryReadReportAsync(AlbumReportKeys.Json(run.SourceBucket, held)));
        Assert.NotNull(await run.TryReadReportAsync(AlbumReportKeys.Csv(run.SourceBucket, held)));

        await run.StartWorkerAsync();
        using var client2 = run.Ingestion.CreateAuthorizedClient();
        var status = await JobApi.WaitForStateAsync(client2, jobId, "completed", CrashCatalog.Timeout);

        await catalog.AssertCompletedOnceAsync(run, jobId, status);
        // The aggregation that died ran again once, on the fresh worker (the redelivered command); the others ran once.
        Assert.Equal(1, crash.Hits);
        Assert.Equal(
            CrashCatalog.Albums.Select(a => (a, a == held ? 2 : 1)),
            CrashCatalog.Albums.Select(a => (a, run.ReportWrites(AlbumReportKeys.Json(run.SourceBucket, a)))));
        Assert.Equal(1, dying.ReportWrites.GetValueOrDefault(AlbumReportKeys.Json(run.SourceBucket, held)));
    }
}
