using MassTransit;
using MixFleet.Contracts.Keys;
using MixFleet.Contracts.V1;
using MixFleet.Integration.Tests.Support;
using MixFleet.Integration.Tests.Support.Crashes;

namespace MixFleet.Integration.Tests.Crashes;

/// <summary>
/// The ingestion service dies while its outbox dispatcher is sending a job's <c>AnalyzeTrack</c> commands: half are on
/// the broker, none is marked sent. A fresh one sends them all again (docs/jobs.md, "Faults": commands not confirmed as
/// sent are sent again; the worker absorbs a duplicate by reusing the report).
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboxDispatchCrashTests
{
    private const int SentBeforeCrash = 6;

    [Fact]
    public async Task An_ingestion_killed_after_half_the_AnalyzeTrack_sends_is_resumed_by_a_fresh_one_and_no_track_is_analyzed_twice()
    {
        var crash = new CrashPoint();
        var count = 0;
        var sends = new SendCrash<AnalyzeTrack>(_ => Interlocked.Increment(ref count) > SentBeforeCrash, crash);
        await using var run = await FleetRun.StartAsync(
            ingestionSettings: CrashCatalog.Settings,
            ingestionServices: services =>
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

        // One listing page, one dispatch batch of twelve: six sends reach the broker, the seventh is held.
        await crash.Reached.WaitAsync(CrashCatalog.Timeout);
        // The worker analyzes the six; wait for their reports so that the re-sends after the crash find them.
        await Poll.UntilAsync(
            async () => sends.Passed.Count == SentBeforeCrash
                && (await Task.WhenAll(sends.Passed.Select(c => run.TryReadReportAsync(TrackReportKeys.For(run.SourceBucket, c.Source.Key))))).All(r => r is not null),
            "the reports of the six commands sent before the crash", CrashCatalog.Timeout);
        await run.CrashIngestionAsync();

        // What a kill leaves: the dispatch transaction never committed, so none of the twelve is marked sent although
        // six were confirmed by the broker.
        Assert.Empty(await JobRows.DispatchedAsync(run.Database));

        run.RestartIngestion();
        using var fresh = run.Ingestion.CreateAuthorizedClient();
        var status = await JobApi.WaitForStateAsync(fresh, jobId, "completed", CrashCatalog.Timeout);

        // The six commands sent before the crash were never marked sent, so the fresh dispatcher sends each of them once
        // more unless its settlement committed first: at most one duplicate each. A duplicate finds the report written
        // for the same ETag and analyzer version and reuses it, so each track is still read and reported once.
        await catalog.AssertCompletedOnceAsync(run, jobId, status);
        // The six held commands went out from the fresh dispatcher, which marked them sent; of the six sent before the
        // crash, only those whose settlement had not committed yet were sent (and marked) again.
        var held = catalog.Tracks.Except(sends.Passed.Select(c => c.Source.Key)).ToList();
        var dispatched = await JobRows.DispatchedAsync(run.Database);
        Assert.Equal(SentBeforeCrash, held.Count);
        Assert.Subset(catalog.Tracks.ToHashSet(), dispatched.ToHashSet());
        Assert.Superset(held.ToHashSet(), dispatched.ToHashSet());
    }
}
