using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Scans;

/// <summary>No publish into the void: work sent before any worker declared its queue waits in that queue.</summary>
[Trait("Category", "Integration")]
public sealed class ScanBeforeAnyQueueTests
{
    private const string Album = "label/artist/e2e album/";

    [Fact]
    public async Task A_scan_posted_before_any_worker_declared_its_queue_completes_once_a_worker_starts()
    {
        await using var run = await FleetRun.StartAsync(workers: 1, startWorkers: false);
        await run.UploadAsync(Album + "01 - song.wav", Wav.Sine(-20, seconds: 1));
        await BrokerCleanup.DeleteWorkerQueuesAsync(run.QueuePrefix);
        using var client = run.Ingestion.CreateAuthorizedClient();
        var jobId = await JobApi.StartScanAsync(client, run.SourceBucket, Album);
        // The command waits in the queue the ingestion declared by sending to it.
        await JobApi.WaitForStateAsync(client, jobId, "running");

        using (var starting = new CancellationTokenSource(FleetRun.StartTimeout))
        {
            await run.Workers[0].Host.StartAsync(starting.Token);
        }

        var status = await JobApi.WaitForStateAsync(client, jobId, "completed");
        Assert.Equal(1, status.GetProperty("analyzed").GetInt32());
    }
}
