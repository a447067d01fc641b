using MixFleet.Contracts;
using MixFleet.Integration.Tests.Support;
using MixFleet.Integration.Tests.Support.Crashes;

namespace MixFleet.Integration.Tests.Crashes;

/// <summary>
/// The ingestion service dies in the middle of a scan's listing; a fresh one on the same database and queues resumes at
/// the checkpoint (docs/jobs.md, "Faults": the <c>ScanPrefix</c> delivery is acknowledged only after the next one is sent).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ScanListingCrashTests
{
    private const int PageSize = 4;
    private const int PagesBeforeCrash = 2;

    [Fact]
    public async Task An_ingestion_killed_after_listing_page_2_of_4_is_resumed_by_a_fresh_one_and_every_track_is_analyzed_once()
    {
        var crash = new CrashPoint();
        var settings = new Dictionary<string, string>(CrashCatalog.Settings) { ["MixFleet:Jobs:ScanPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var run = await FleetRun.StartAsync(
            ingestionSettings: settings,
            ingestionServices: services =>
            {
                DelegatingObjectStore.Decorate(services, inner => new ListingCrashStore(inner, PageSize, PagesBeforeCrash, crash));
                CrashPoint.StopConsumersAtOnce(services);
            });
        // 15 objects in pages of 4: [a1/01-04] [a1/cover a2/01-03] [a2/04 a2/cover a3/01-02] [a3/03-04 a3/cover].
        var catalog = await CrashCatalog.UploadAsync(run);
        Guid jobId;
        using (var client = run.Ingestion.CreateAuthorizedClient())
        {
            jobId = await JobApi.StartScanAsync(client, run.SourceBucket, CrashCatalog.Prefix);
        }

        await crash.Reached.WaitAsync(CrashCatalog.Timeout);
        // Let the work of pages 1 and 2 finish (the worker keeps running), so that the crash interrupts the listing
        // alone and every count below is exact: a1 is sealed by page 2 and reported, a2 has 3 of its 4 tracks.
        await Poll.UntilAsync(() => JobRows.IsAtRestAsync(run.Database, jobId), "the first two pages' tracks to settle", CrashCatalog.Timeout);
        await run.CrashIngestionAsync();

        // What a kill leaves: two pages recorded, the third not, and the ScanPrefix delivery that was listing it back in
        // its queue (none in _error).
        Assert.Equal(("listing", PagesBeforeCrash), await JobRows.ListingAsync(run.Database, jobId));
        Assert.Equal(1, crash.Hits);
        var scanQueue = run.QueuePrefix + QueueNames.ScanPrefix;
        await Poll.UntilAsync(async () => await BrokerQueues.ReadyAsync(scanQueue) == 1, "the ScanPrefix delivery to return to its queue");
        Assert.Equal(0u, await BrokerQueues.ReadyAsync(scanQueue + "_error"));
        var before = await JobRows.AlbumsAsync(run.Database, jobId);
        Assert.Equal(
            [(CrashCatalog.Albums[0], 4, true, "written"), (CrashCatalog.Albums[1], 3, false, "pending")],
            before.Select(a => (a.AlbumKey, a.Expected, a.Sealed, a.Aggregation)));

        run.RestartIngestion();
        using var fresh = run.Ingestion.CreateAuthorizedClient();
        var status = await JobApi.WaitForStateAsync(fresh, jobId, "completed", CrashCatalog.Timeout);

        await catalog.AssertCompletedOnceAsync(run, jobId, status);
        // Every page recorded exactly once: the interrupted third page was listed again from the checkpoint.
        Assert.Equal(("completed", 4), await JobRows.ListingAsync(run.Database, jobId));
        Assert.Equal(1, crash.Hits);
    }
}
