using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Scans;

/// <summary>
/// Scans end to end on the real parts: the job counts every audio object as analyzed or failed and completes once every
/// album report is written.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ScanJobTests
{
    private const string Album = "label/artist/e2e album/";

    [Fact]
    public async Task Scan_publishes_every_audio_object_and_the_job_counts_analyzed_and_failed_tracks()
    {
        await using var run = await FleetRun.StartAsync();
        await run.UploadAsync(Album + "01 - loud.wav", Wav.Sine(-20, seconds: 2));
        await run.UploadAsync(Album + "02 - quiet.wav", Wav.Sine(-26, seconds: 2));
        await run.UploadAsync(Album + "03 - corrupt.wav", Wav.Corrupt());
        await run.UploadAsync(Album + "cover.jpg", [0xFF, 0xD8, 0xFF, 0xD9]);

        using var client = run.Ingestion.CreateAuthorizedClient();
        var jobId = await JobApi.StartScanAsync(client, run.SourceBucket, Album, "streaming");
        var status = await JobApi.WaitForStateAsync(client, jobId, "completed");

        Assert.Equal(3, status.GetProperty("total").GetInt32());
        Assert.Equal(2, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.Equal("completed", status.GetProperty("state").GetString());
        var failed = await run.WaitForTrackReportAsync(Album + "03 - corrupt.wav");
        Assert.Equal("invalid-header", failed.Track.Error!.Code);
    }

    [Fact]
    public async Task Scan_of_three_albums_completes_its_job_and_the_corrupt_files_album_lists_the_error()
    {
        await using var run = await FleetRun.StartAsync();
        string[] albums = ["label/artist/first/", "label/artist/second/", "label/artist/third/"];
        double[] levels = [-18, -21, -24, -27];
        var corrupt = albums[1] + "05 - corrupt.wav";
        var uploads = new List<Task<Uploaded>>();
        for (var a = 0; a < albums.Length; a++)
        {
            for (var t = 1; t <= 11; t++)
            {
                var key = $"{albums[a]}{t:00} - track.wav";
                uploads.Add(key == albums[1] + "05 - track.wav"
                    ? run.UploadAsync(corrupt, Wav.Corrupt())
                    : run.UploadAsync(key, Wav.Sine(levels[(a + t) % levels.Length], seconds: 2)));
            }
        }

        await Task.WhenAll(uploads);

        using var client = run.Ingestion.CreateAuthorizedClient();
        var jobId = await JobApi.StartScanAsync(client, run.SourceBucket, "label/artist/", "streaming");
        var status = await JobApi.WaitForStateAsync(client, jobId, "completed");

        Assert.Equal(33, status.GetProperty("total").GetInt32());
        Assert.Equal(32, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());

        foreach (var albumKey in albums)
        {
            var document = await run.WaitForAlbumReportAsync(albumKey);
            Assert.Equal(11, Assert.Single(document.Albums).Tracks.Count);
        }

        var withError = await run.WaitForAlbumReportAsync(albums[1]);
        var listed = Assert.Single(Assert.Single(withError.Albums).Tracks, t => t.Path == corrupt);
        Assert.Equal("invalid-header", listed.ErrorCode);
        Assert.Null(listed.IntegratedLufs);
        Assert.Equal(10, Assert.Single(withError.Albums).Tracks.Count(t => t.IntegratedLufs is not null));
    }
}
