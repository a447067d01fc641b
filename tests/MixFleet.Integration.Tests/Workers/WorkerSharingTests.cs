using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Workers;

/// <summary>Replicas of the worker on one queue share its work on the real broker.</summary>
[Trait("Category", "Integration")]
public sealed class WorkerSharingTests
{
    private const string Album = "label/artist/e2e album/";

    [Fact]
    public async Task Two_workers_on_one_queue_share_the_work_and_analyze_each_track_once()
    {
        // Prefetch 1 per worker: RabbitMQ hands the deliveries round-robin, so neither worker can take them all.
        await using var run = await FleetRun.StartAsync(workers: 2, concurrentTracks: 1);
        var keys = Enumerable.Range(1, 12).Select(i => $"{Album}{i:00} - track.wav").ToList();
        await Task.WhenAll(keys.Select((key, i) => run.UploadAsync(key, Wav.Sine(-20 - (i % 4), seconds: 2))));

        using var client = run.Ingestion.CreateAuthorizedClient();
        await JobApi.StartScanAsync(client, run.SourceBucket, Album, "streaming");

        foreach (var key in keys)
        {
            Assert.Null((await run.WaitForTrackReportAsync(key)).Track.Error);
        }

        Assert.Equal(12, Assert.Single((await run.WaitForAlbumReportAsync(Album)).Albums).Tracks.Count);
        foreach (var key in keys)
        {
            Assert.Equal(FleetRun.ReadsPerAnalysis, run.SourceReads(key));
        }

        Assert.All(run.Workers, w => Assert.NotEmpty(w.SourceReads));
    }
}
