using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Scans;

/// <summary>
/// De-duplication in the job store on the real parts: an object version is analyzed once however many scans ask for it,
/// and a report of older content never counts for a rescan.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ScanDeduplicationTests
{
    private const string Album = "label/artist/e2e album/";

    [Fact]
    public async Task Two_identical_scans_posted_together_analyze_every_track_once_and_both_complete()
    {
        await using var run = await FleetRun.StartAsync();
        var keys = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            keys.Add((await run.UploadAsync($"{Album}0{i} - t.wav", Wav.Sine(-20 - i, seconds: 1))).Key);
        }

        using var client = run.Ingestion.CreateAuthorizedClient();
        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = run.SourceBucket, prefix = Album })));
        var jobs = new List<Guid>();
        foreach (var post in posts)
        {
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
            jobs.Add((await post.Content.ReadFromJsonAsync<JsonElement>(JobApi.Web)).GetProperty("jobId").GetGuid());
            post.Dispose();
        }

        foreach (var jobId in jobs)
        {
            var status = await JobApi.WaitForStateAsync(client, jobId, "completed");
            Assert.Equal(6, status.GetProperty("analyzed").GetInt32());
            Assert.Equal(1, status.GetProperty("albumsReported").GetInt32());
        }

        // One analysis per object: the second job waited for the first's (or was answered by reusing its report).
        Assert.All(keys, key => Assert.Equal(FleetRun.ReadsPerAnalysis, run.SourceReads(key)));
    }

    [Fact]
    public async Task A_rescan_after_an_overwrite_analyzes_the_new_content_and_does_not_count_the_stale_report()
    {
        await using var run = await FleetRun.StartAsync();
        var key = (await run.UploadAsync(Album + "01 - song.wav", Wav.Sine(-20, seconds: 1))).Key;
        await run.UploadAsync(Album + "02 - song.wav", Wav.Sine(-22, seconds: 1));
        using var client = run.Ingestion.CreateAuthorizedClient();
        await JobApi.ScanToCompletionAsync(client, run.SourceBucket, Album);

        var overwritten = await run.UploadAsync(key, Wav.Sine(-30, seconds: 2));
        var second = await JobApi.ScanToCompletionAsync(client, run.SourceBucket, Album);

        Assert.Equal(2, second.GetProperty("analyzed").GetInt32());
        var report = await run.WaitForTrackReportAsync(key);
        Assert.Equal(overwritten.ETag.Trim('"'), report.Source.ETag);
        Assert.InRange(report.Track.Loudness!.IntegratedLufs!.Value, -30.1, -29.9);
        Assert.Equal(2 * FleetRun.ReadsPerAnalysis, run.SourceReads(key));
    }
}
