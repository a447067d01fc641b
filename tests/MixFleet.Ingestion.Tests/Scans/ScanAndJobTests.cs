using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MixFleet.Ingestion.Tests.Doubles;

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
    public async Task Scan_TwoAlbumsOfThreeTracks_PublishesSixAndWritesTheManifest()
    {
        var jobId = await ScanAsync(new { bucket = Source, prefix = "label/", profile = "ebu-r128" });

        var published = _factory.Publisher.Published;
        Assert.Equal(6, published.Count);
        Assert.All(published, c => Assert.Equal(jobId, c.JobId));
        Assert.All(published, c => Assert.Equal("ebu-r128", c.Profile));
        Assert.Contains(published, c => c.Source.Key == "label/artist/First Album/01 - Song.wav" && c.AlbumKey == "label/artist/First Album/");

        using var manifest = JsonDocument.Parse(_factory.Store.Text(IngestionFactory.ReportsBucket, $"jobs/{jobId:D}.json")!);
        var root = manifest.RootElement;
        Assert.Equal(jobId, root.GetProperty("jobId").GetGuid());
        Assert.Equal(Source, root.GetProperty("bucket").GetString());
        Assert.Equal("label/", root.GetProperty("prefix").GetString());
        Assert.Equal("ebu-r128", root.GetProperty("profile").GetString());
        Assert.Equal(6, root.GetProperty("tracks").GetArrayLength());
        Assert.Equal(["label/artist/First Album/", "label/artist/Second Album/"], root.GetProperty("albums").EnumerateArray().Select(a => a.GetString()));
        Assert.True(root.TryGetProperty("createdAt", out _));
    }

    [Fact]
    public async Task Job_BeforeAnyReport_IsRunningWithNothingAnalyzed()
    {
        var jobId = await ScanAsync(new { bucket = Source, prefix = "label/" });

        var status = await StatusAsync(jobId);

        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal(6, status.GetProperty("total").GetInt32());
        Assert.Equal(0, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(0, status.GetProperty("failed").GetInt32());
        Assert.Equal(0, status.GetProperty("albums").GetArrayLength());
    }

    [Fact]
    public async Task Job_WithEveryReport_IsCompletedAndCountsTheFailure()
    {
        var jobId = await ScanAsync(new { bucket = Source, prefix = "label/" });
        var keys = _factory.Publisher.Published.Select(c => c.Source.Key).ToList();
        foreach (var key in keys)
        {
            var error = key == keys[0] ? """{"code":"corrupt","message":"bad header"}""" : "null";
            _factory.Store.Put(IngestionFactory.ReportsBucket, $"reports/tracks/{Source}/{key}.json", $$$"""{"albumKey":"","track":{"path":"{{{key}}}","loudness":{},"error":{{{error}}}}}""");
        }

        _factory.Store.Put(IngestionFactory.ReportsBucket, $"reports/albums/{Source}/label/artist/First Album/album.json", "{}");
        _factory.Store.Put(IngestionFactory.ReportsBucket, $"reports/albums/{Source}/label/artist/Second Album/album.json", "{}");

        var status = await StatusAsync(jobId);

        Assert.Equal("completed", status.GetProperty("state").GetString());
        Assert.Equal(6, status.GetProperty("total").GetInt32());
        Assert.Equal(5, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.Equal(
            [$"reports/albums/{Source}/label/artist/First Album/album.json", $"reports/albums/{Source}/label/artist/Second Album/album.json"],
            status.GetProperty("albums").EnumerateArray().Select(a => a.GetString()));
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
        Assert.Empty(_factory.Publisher.Published);
    }

    [Fact]
    public async Task ScanWithoutToken_Is401()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = Source });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
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

    private async Task<JsonElement> StatusAsync(Guid jobId)
    {
        using var response = await _client.GetAsync(new Uri($"/v1/jobs/{jobId:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }
}
