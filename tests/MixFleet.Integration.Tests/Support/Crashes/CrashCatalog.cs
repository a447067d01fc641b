using System.Text.Json;
using MixFleet.Contracts.Keys;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Support.Crashes;

/// <summary>
/// The catalog the crash tests scan, and what must hold once the fresh hosts have finished the job: three albums of four
/// one-second tracks and a cover each, one corrupt track; every track settled once, every album claimed once and reported.
/// </summary>
internal sealed class CrashCatalog
{
    public const string Prefix = "label/artist/";
    public const int TracksPerAlbum = 4;

    /// <summary>Generous: two host starts, twelve tracks and three albums on a loaded 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Ingestion timings of the crash tests: stalled work is taken up again only after 10 minutes, so nothing but the
    /// crash itself (the broker returning the deliveries the dead host had not acknowledged, the outbox rows it had not
    /// marked sent) resumes the work, and every duplicate a test bounds is one the crash explains.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["MixFleet:Jobs:StalledAfter"] = "00:10:00",
    };

    private CrashCatalog(List<string> tracks) => Tracks = tracks;

    public static IReadOnlyList<string> Albums { get; } = [Prefix + "a1/", Prefix + "a2/", Prefix + "a3/"];

    /// <summary>The corrupt track (a failure report, counted as failed).</summary>
    public static string Corrupt { get; } = Prefix + "a2/02 - track.wav";

    /// <summary>Every audio key, in listing order.</summary>
    public IReadOnlyList<string> Tracks { get; }

    /// <summary>Uploads the catalog: per album <c>01 - track.wav</c> … <c>04 - track.wav</c> and <c>cover.jpg</c> (15 objects).</summary>
    public static async Task<CrashCatalog> UploadAsync(FleetRun run)
    {
        var tracks = new List<string>();
        var uploads = new List<Task<Uploaded>>();
        foreach (var album in Albums)
        {
            for (var t = 1; t <= TracksPerAlbum; t++)
            {
                var key = $"{album}{t:00} - track.wav";
                tracks.Add(key);
                uploads.Add(run.UploadAsync(key, key == Corrupt ? Wav.Corrupt() : Wav.Sine(-18 - t, seconds: 1)));
            }

            uploads.Add(run.UploadAsync(album + "cover.jpg", [0xFF, 0xD8, 0xFF, 0xD9]));
        }

        await Task.WhenAll(uploads);
        return new CrashCatalog(tracks);
    }

    /// <summary>
    /// The job finished as if nothing had happened: its counts exact, every album claimed once and its report in S3
    /// listing all its tracks, every track analyzed once (one read of its source, one write of its report).
    /// </summary>
    public async Task AssertCompletedOnceAsync(FleetRun run, Guid jobId, JsonElement status)
    {
        Assert.Equal("completed", status.GetProperty("state").GetString());
        Assert.Equal(12, status.GetProperty("total").GetInt32());
        Assert.Equal(11, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.Equal(3, status.GetProperty("albumsTotal").GetInt32());
        Assert.Equal(3, status.GetProperty("albumsReported").GetInt32());

        var albums = await JobRows.AlbumsAsync(run.Database, jobId);
        Assert.Equal(Albums, albums.Select(a => a.AlbumKey));
        Assert.All(albums, a => Assert.Equal((TracksPerAlbum, TracksPerAlbum, "written", 1), (a.Expected, a.Settled, a.Aggregation, a.Claims)));

        foreach (var album in Albums)
        {
            var report = Assert.Single((await run.WaitForAlbumReportAsync(album)).Albums);
            Assert.Equal(Tracks.Where(t => t.StartsWith(album, StringComparison.Ordinal)), report.Tracks.Select(t => t.Path));
        }

        var corrupt = Assert.Single(Assert.Single((await run.WaitForAlbumReportAsync(Albums[1])).Albums).Tracks, t => t.Path == Corrupt);
        Assert.Equal("invalid-header", corrupt.ErrorCode);
        Assert.All(Tracks, key => Assert.Equal((key, key == Corrupt ? 1 : FleetRun.ReadsPerAnalysis, 1), (key, run.SourceReads(key), run.ReportWrites(TrackReportKeys.For(run.SourceBucket, key)))));
    }
}
