using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MixFleet.Ingestion.Tests.Doubles;
using MixFleet.Jobs.Store;
using MixFleet.Testing;

namespace MixFleet.Ingestion.Tests.Scans;

public sealed class ScanAndJobTests : IDisposable
{
    private const string Source = "masters";
    private readonly IngestionFactory _factory = new();
    private readonly HttpClient _client;

    public ScanAndJobTests()
    {
        _client = _factory.CreateAuthorizedClient();
        foreach (var album in new[] { "label/artist/First Album/", "label/artist/Second Album/" })
        {
            for (var track = 1; track <= 3; track++)
            {
                _factory.Store.Put(Source, $"{album}0{track} - Song.wav");
            }

            _factory.Store.Put(Source, album + "cover.jpg");
        }

        _factory.Store.Put(Source, "other/elsewhere.wav");
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Scan_TwoAlbumsOfThreeTracks_SendsSixAndCountsThem()
    {
        var jobId = await ScanAsync(new { bucket = Source, prefix = "label/", profile = "ebu-r128" });
        var status = await ListedAsync(jobId);

        var sent = await _factory.SentCommandsAsync();
        Assert.Equal(6, sent.Count);
        Assert.All(sent, c => Assert.Equal(jobId, c.JobId));
        Assert.All(sent, c => Assert.Equal("ebu-r128", c.Profile));
        Assert.Contains(sent, c => c.Source.Key == "label/artist/First Album/01 - Song.wav" && c.AlbumKey == "label/artist/First Album/");
        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal(6, status.GetProperty("total").GetInt32());
        Assert.Equal(6, status.GetProperty("pending").GetInt32());
        Assert.Equal(2, status.GetProperty("albumsTotal").GetInt32());
        Assert.Equal(0, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(0, status.GetProperty("albums").GetArrayLength());
        Assert.Equal("ebu-r128", status.GetProperty("profile").GetString());
    }

    [Fact]
    public async Task Scan_OfAPrefixWithoutAudio_CompletesEmpty()
    {
        var jobId = await ScanAsync(new { bucket = Source, prefix = "nothing-here/" });

        var status = await ListedAsync(jobId);

        Assert.Equal("completed", status.GetProperty("state").GetString());
        Assert.Equal(0, status.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Job_CompletesOnlyWhenEveryTrackSettledAndEveryAlbumIsWritten()
    {
        var jobId = await ScanAsync(new { bucket = Source, prefix = "label/" });
        await ListedAsync(jobId);
        var keys = (await _factory.SentCommandsAsync()).Select(c => c.Source).ToList();
        var settlements = _factory.Services.GetRequiredService<SettlementStore>();

        var outcome = await settlements.SettleAsync(
            keys.Select((k, i) => new TrackSettlement(k.Bucket, k.Key, k.ETag, Failed: i == 0, k.ETag, "v", i == 0 ? "corrupt" : null)).ToList(),
            CancellationToken.None);
        var settledTwice = await settlements.SettleAsync(
            keys.Select(k => new TrackSettlement(k.Bucket, k.Key, k.ETag, false, k.ETag, "v", null)).ToList(), CancellationToken.None);
        var beforeAlbums = await StatusAsync(jobId);
        var albums = _factory.Services.GetRequiredService<AlbumStore>();
        foreach (var claim in outcome.Claims)
        {
            Assert.True(await albums.MarkWrittenAsync(claim.JobId, claim.AlbumKey, "pass", $"reports/albums/{Source}/{claim.AlbumKey}album.json", CancellationToken.None));
        }

        var status = await StatusAsync(jobId);

        Assert.Equal(6, outcome.TracksSettled);
        Assert.Equal(0, settledTwice.TracksSettled);
        Assert.Equal(["label/artist/First Album/", "label/artist/Second Album/"], outcome.Claims.Select(c => c.AlbumKey).Order(StringComparer.Ordinal));
        Assert.Equal("running", beforeAlbums.GetProperty("state").GetString());
        Assert.Equal("completed", status.GetProperty("state").GetString());
        Assert.Equal(5, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.Equal(
            [$"reports/albums/{Source}/label/artist/First Album/album.json", $"reports/albums/{Source}/label/artist/Second Album/album.json"],
            status.GetProperty("albums").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task ScanOfAMissingBucket_Is404()
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = "no-such-bucket" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-bucket", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobList_IsNewestFirstAndPaged()
    {
        var first = await ScanAsync(new { bucket = Source, prefix = "label/" });
        var second = await ScanAsync(new { bucket = Source, prefix = "other/" });
        await ListedAsync(first);
        await ListedAsync(second);

        using var page1 = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/v1/jobs?limit=1", UriKind.Relative)));
        var cursor = page1.RootElement.GetProperty("nextCursor").GetString();
        using var page2 = JsonDocument.Parse(await _client.GetStringAsync(new Uri($"/v1/jobs?limit=1&cursor={cursor}", UriKind.Relative)));
        using var bad = await _client.GetAsync(new Uri("/v1/jobs?state=lost", UriKind.Relative));

        Assert.Equal(second, page1.RootElement.GetProperty("jobs")[0].GetProperty("jobId").GetGuid());
        Assert.Equal(first, page2.RootElement.GetProperty("jobs")[0].GetProperty("jobId").GetGuid());
        Assert.Equal(JsonValueKind.Null, page2.RootElement.GetProperty("nextCursor").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task UnknownJob_Is404()
    {
        using var response = await _client.GetAsync(new Uri($"/v1/jobs/{Guid.NewGuid():D}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"prefix":"label/"}""", "bucket")]
    [InlineData("""{"bucket":"masters","profile":"loud"}""", "Unknown profile 'loud'")]
    [InlineData("""{"bucket":""", "not valid JSON")]
    public async Task InvalidScan_Is400WithTheReason(string body, string expected)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/v1/scans", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await TestDatabase.ScalarAsync<long>(_factory.Database, "select count(*) from jobs"));
    }

    [Fact]
    public async Task ScanWithoutToken_Is401()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = Source });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StrandedTrack_IsCountedAsFailedTransient_RedriveSendsItAgain_GiveUpCompletesTheJob()
    {
        var jobId = await ScanAsync(new { bucket = Source, prefix = "label/artist/First Album/" });
        await ListedAsync(jobId);
        var sent = await _factory.SentCommandsAsync();
        var stranded = sent.Single(c => c.Source.Key.EndsWith("02 - Song.wav", StringComparison.Ordinal)).Source;
        var settlements = _factory.Services.GetRequiredService<SettlementStore>();
        await settlements.SettleAsync(
            sent.Where(c => c.Source.Key != stranded.Key).Select(c => new TrackSettlement(c.Source.Bucket, c.Source.Key, c.Source.ETag, Failed: false, c.Source.ETag, "v", null)).ToList(),
            CancellationToken.None);
        // What the job-faults consumer does when the command of that track ends in the worker's error queue.
        Assert.Equal(1, await _factory.Services.GetRequiredService<StrandedWork>().StrandAsync(stranded.Bucket, stranded.Key, stranded.ETag, CancellationToken.None));

        var status = await StatusAsync(jobId);
        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal(1, status.GetProperty("failedTransient").GetInt32());
        Assert.Equal(0, status.GetProperty("pending").GetInt32());

        var redrive = await PostJsonAsync($"/v1/jobs/{jobId:D}/redrive");
        Assert.Equal(1, redrive.GetProperty("redriven").GetInt32());
        Assert.Equal(2, (await _factory.SentCommandsAsync()).Count(c => c.Source.Key == stranded.Key));
        status = await StatusAsync(jobId);
        Assert.Equal(0, status.GetProperty("failedTransient").GetInt32());
        Assert.Equal(1, status.GetProperty("pending").GetInt32());

        // Stranded again (the outage is not over): given up, the job's last album is claimed and, once written, the job completes.
        await _factory.Services.GetRequiredService<StrandedWork>().StrandAsync(stranded.Bucket, stranded.Key, stranded.ETag, CancellationToken.None);
        var giveUp = await PostJsonAsync($"/v1/jobs/{jobId:D}/give-up");
        Assert.Equal(1, giveUp.GetProperty("gaveUp").GetInt32());
        status = await StatusAsync(jobId);
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.Equal(0, status.GetProperty("failedTransient").GetInt32());
        Assert.Equal(1L, await TestDatabase.ScalarAsync<long>(_factory.Database, $"select count(*) from job_albums where job_id = '{jobId:D}' and aggregation = 'claimed'"));
        await _factory.Services.GetRequiredService<AlbumStore>().MarkWrittenAsync(jobId, "label/artist/First Album/", "warn", "k", CancellationToken.None);
        Assert.Equal("completed", (await StatusAsync(jobId)).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("redrive")]
    [InlineData("give-up")]
    public async Task StrandedActions_OnAnUnknownJob_Are404(string action)
    {
        using var response = await _client.PostAsync(new Uri($"/v1/jobs/{Guid.CreateVersion7():D}/{action}", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> PostJsonAsync(string path)
    {
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    private async Task<Guid> ScanAsync(object request)
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var jobId = body.RootElement.GetProperty("jobId").GetGuid();
        Assert.Equal($"/v1/jobs/{jobId:D}", response.Headers.Location?.ToString());
        return jobId;
    }

    // Waits (at most 30 s) until the listing is done.
    private async Task<JsonElement> ListedAsync(Guid jobId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await StatusAsync(jobId);
            if (status.GetProperty("state").GetString() != "listing")
            {
                return status;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "the listing did not finish within 30 s");
            await Task.Delay(50);
        }
    }

    private async Task<JsonElement> StatusAsync(Guid jobId)
    {
        using var response = await _client.GetAsync(new Uri($"/v1/jobs/{jobId:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }
}
