using System.Net;
using System.Text;
using System.Text.Json;
using MixFleet.Analysis.Loudness;
using MixFleet.Contracts.Keys;
using MixFleet.Fleet.Tracks;
using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Events;

/// <summary>
/// S3 event notifications end to end on the real parts, all on loopback: s3rver, RabbitMQ, PostgreSQL, the ingestion
/// service and an in-process worker. Every run uses buckets, a database and queues of its own and deletes them afterwards.
/// </summary>
[Trait("Category", "Integration")]
public sealed class S3EventToReportsTests
{
    private const string Album = "label/artist/e2e album/";

    [Fact]
    public async Task S3_event_through_ingestion_and_RabbitMQ_to_the_worker_writes_track_reports_to_S3()
    {
        await using var run = await FleetRun.StartAsync();
        var loud = await run.UploadAsync(Album + "01 - loud.wav", Wav.Sine(-20, seconds: 4));
        var quiet = await run.UploadAsync(Album + "02 - quiet.wav", Wav.Sine(-26, seconds: 4));
        var cover = await run.UploadAsync(Album + "cover.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 0xFF, 0xD9]);

        using var client = run.Ingestion.CreateAuthorizedClient();
        using var body = new StringContent(S3Events.ObjectCreated(run.SourceBucket, loud, quiet, cover), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var published = result.RootElement.GetProperty("published").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal([loud.Key, quiet.Key], published.Order(StringComparer.Ordinal));
        Assert.Equal(cover.Key, Assert.Single(result.RootElement.GetProperty("ignored").EnumerateArray()).GetProperty("key").GetString());

        var loudReport = await run.WaitForTrackReportAsync(loud.Key);
        var quietReport = await run.WaitForTrackReportAsync(quiet.Key);

        // EBU Tech 3341: a stereo 1 kHz sine at X dBFS peak in each channel reads X LUFS.
        Assert.InRange(loudReport.Track.Loudness!.IntegratedLufs!.Value, -20.1, -19.9);
        Assert.InRange(quietReport.Track.Loudness!.IntegratedLufs!.Value, -26.1, -25.9);
        Assert.Equal(loud.ETag, loudReport.Source.ETag);
        Assert.Equal(quiet.ETag, quietReport.Source.ETag);
        Assert.Equal(run.SourceBucket, loudReport.Source.Bucket);
        Assert.Equal(Album, loudReport.AlbumKey);
        Assert.Null(await run.TryReadReportAsync(TrackReportKeys.For(run.SourceBucket, cover.Key)));
    }

    [Fact]
    public async Task S3_event_for_an_album_writes_every_track_report_and_the_album_report_with_pooled_block_loudness()
    {
        await using var run = await FleetRun.StartAsync();
        (string Name, double Level, double Seconds)[] tracks = [("01 - a.wav", -20, 3), ("02 - b.wav", -26, 4), ("03 - c.wav", -23, 5)];
        var uploaded = new List<Uploaded>();
        foreach (var (name, level, seconds) in tracks)
        {
            uploaded.Add(await run.UploadAsync(Album + name, Wav.Sine(level, seconds)));
        }

        using var client = run.Ingestion.CreateAuthorizedClient();
        using var body = new StringContent(S3Events.ObjectCreated(run.SourceBucket, [.. uploaded]), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var reports = new List<TrackReportDocument>();
        foreach (var track in uploaded)
        {
            reports.Add(await run.WaitForTrackReportAsync(track.Key));
        }

        var document = await run.WaitForAlbumReportAsync(Album);
        Assert.NotEmpty(await run.WaitForReportAsync($"reports/albums/{run.SourceBucket}/{Album}album.csv"));
        var html = await run.WaitForReportAsync($"reports/albums/{run.SourceBucket}/{Album}album.html");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);

        var album = Assert.Single(document.Albums);
        Assert.Equal(Album, album.Path);
        Assert.Equal(uploaded.Select(u => u.Key), document.Tracks.Select(t => t.Path));
        // Steady sines: every block passes both gates, so the album level is 10·log10 of the block-count-weighted mean
        // of 10^(L/10) over the nominal track levels (a stereo 1 kHz sine at X dBFS reads X LUFS).
        var blocks = reports.Select(r => (double)LoudnessHistogram.Decode(r.Blocks!.BlockHistogram).Count).ToList();
        Assert.Equal([27.0, 37.0, 47.0], blocks);   // (T − 0.4 s) / 0.1 s + 1
        var expected = 10 * Math.Log10(tracks.Zip(blocks, (t, n) => n * Math.Pow(10, t.Level / 10)).Sum() / blocks.Sum());
        Assert.InRange(album.Loudness.IntegratedLufs!.Value, expected - 0.05, expected + 0.05);
    }
}
