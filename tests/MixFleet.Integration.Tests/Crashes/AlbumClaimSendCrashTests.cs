using MassTransit;
using MixFleet.Contracts;
using MixFleet.Contracts.Keys;
using MixFleet.Contracts.V1;
using MixFleet.Integration.Tests.Support;
using MixFleet.Integration.Tests.Support.Crashes;

namespace MixFleet.Integration.Tests.Crashes;

/// <summary>
/// Every service dies between an album's claim and its <c>AggregateAlbum</c>: the worker settling the album's last track
/// committed the claim and is sending the command. Fresh services send the claim once it has stalled (docs/jobs.md,
/// "Faults": a claim whose command was never confirmed is sent again after <c>StalledAfter</c>); the redelivered
/// settlement finds nothing left to settle and claims nothing again.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AlbumClaimSendCrashTests
{
    [Fact]
    public async Task Services_killed_between_an_albums_claim_and_its_AggregateAlbum_send_are_replaced_by_fresh_ones_that_send_the_claim_once()
    {
        var crash = new CrashPoint();
        var held = CrashCatalog.Albums[1];
        var sends = new SendCrash<AggregateAlbum>(c => c.AlbumKey == held, crash);
        await using var run = await FleetRun.StartAsync(
            ingestionSettings: CrashCatalog.Settings,
            ingestionServices: CrashPoint.StopConsumersAtOnce,
            workerServices: services =>
            {
                services.AddSendObserver(_ => sends);
                CrashPoint.StopConsumersAtOnce(services);
            });
        var catalog = await CrashCatalog.UploadAsync(run);
        Guid jobId;
        using (var client = run.Ingestion.CreateAuthorizedClient())
        {
            jobId = await JobApi.StartScanAsync(client, run.SourceBucket, CrashCatalog.Prefix);
        }

        await crash.Reached.WaitAsync(CrashCatalog.Timeout);
        // Let the rest finish, so that the crash interrupts this claim alone and every count below is exact.
        await Poll.UntilAsync(
            async () => (await JobRows.AlbumsAsync(run.Database, jobId)).Count(a => a.Aggregation == "written") == 2,
            "the two other albums to be reported", CrashCatalog.Timeout);
        var dying = run.Workers[0];
        await run.CrashWorkerAsync(dying);
        await run.CrashIngestionAsync();

        // What a kill leaves: the album claimed once and its command never sent (none on the broker, not marked sent),
        // and the settlement batch that claimed it back in its queue (none in _error).
        var album = Assert.Single(await JobRows.AlbumsAsync(run.Database, jobId), a => a.AlbumKey == held);
        Assert.Equal(("claimed", 1, false, 4), (album.Aggregation, album.Claims, album.Dispatched, album.Settled));
        Assert.Equal(0u, await BrokerQueues.ReadyAsync(run.QueuePrefix + QueueNames.AlbumAggregation));
        var progressQueue = run.QueuePrefix + QueueNames.JobProgress;
        await Poll.UntilAsync(async () => await BrokerQueues.ReadyAsync(progressQueue) > 0, "the settlement batch to return to its queue");
        Assert.Equal(0u, await BrokerQueues.ReadyAsync(progressQueue + "_error"));
        Assert.DoesNotContain(sends.Passed, c => c.AlbumKey == held);

        // Fresh services; the ingestion now takes stalled claims up after 3 s.
        run.RestartIngestion(new Dictionary<string, string> { ["MixFleet:Jobs:StalledAfter"] = "00:00:03" });
        await run.StartWorkerAsync();
        using var fresh = run.Ingestion.CreateAuthorizedClient();
        var status = await JobApi.WaitForStateAsync(fresh, jobId, "completed", CrashCatalog.Timeout);

        await catalog.AssertCompletedOnceAsync(run, jobId, status);
        Assert.Equal(1, crash.Hits);
        Assert.Equal(0, dying.ReportWrites.GetValueOrDefault(AlbumReportKeys.Json(run.SourceBucket, held)));
        // The other albums were reported once, before the crash. The held album is reported by the claim the fresh
        // ingestion sends; that send is re-armed each StalledAfter until it is marked sent, so on a machine slow enough to
        // take 3 s between the send and its mark it could go out twice: at most two reports, at least one.
        Assert.All(CrashCatalog.Albums.Where(a => a != held), a => Assert.Equal(1, run.ReportWrites(AlbumReportKeys.Json(run.SourceBucket, a))));
        Assert.InRange(run.ReportWrites(AlbumReportKeys.Json(run.SourceBucket, held)), 1, 2);
    }
}
