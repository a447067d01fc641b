using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MixFleet.Ingestion.Tests.Doubles;
using MixFleet.Testing;

namespace MixFleet.Ingestion.Tests.Events;

public sealed class S3EventEndpointTests : IDisposable
{
    private readonly IngestionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AwsEvent_UrlEncodedKey_PublishesDecodedKeyWithItsAlbum()
    {
        var (status, body) = await PostAsync(S3EventBodies.Aws("ObjectCreated:Put", "My+Album/01+Intro%21.wav"));

        Assert.Equal(HttpStatusCode.Accepted, status);
        var command = Assert.Single(await _factory.SentCommandsAsync());
        Assert.Equal("masters", command.Source.Bucket);
        Assert.Equal("My Album/01 Intro!.wav", command.Source.Key);
        Assert.Equal("My Album/", command.AlbumKey);
        Assert.Equal("streaming", command.Profile);
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", command.Source.ETag);
        Assert.Equal(1048576, command.Source.Size);
        Assert.Equal(["My Album/01 Intro!.wav"], Keys(body, "published"));
    }

    [Fact]
    public async Task MinIoEvent_S3PrefixedName_PublishesWithUnquotedETag()
    {
        var (status, _) = await PostAsync(S3EventBodies.MinIo("label/artist/album/02+Song.flac"));

        Assert.Equal(HttpStatusCode.Accepted, status);
        var command = Assert.Single(await _factory.SentCommandsAsync());
        Assert.Equal("label/artist/album/02 Song.flac", command.Source.Key);
        Assert.Equal("label/artist/album/", command.AlbumKey);
        Assert.Equal("9b2cf535f27731c974343645a3985328", command.Source.ETag);
    }

    [Fact]
    public async Task EventsOfOneDayAndBucket_ShareAStableJob()
    {
        await PostAsync(S3EventBodies.Aws("ObjectCreated:Put", "a/1.wav"));
        await PostAsync(S3EventBodies.Aws("ObjectCreated:Put", "b/2.wav"));

        var jobs = (await _factory.SentCommandsAsync()).Select(c => c.JobId).Distinct().ToList();
        Assert.NotEqual(Guid.Empty, Assert.Single(jobs));
    }

    [Fact]
    public async Task NonAudioKeyAndRemovedObject_AreIgnoredWithReasons()
    {
        var (_, cover) = await PostAsync(S3EventBodies.Aws("ObjectCreated:Put", "My+Album/cover.jpg"));
        var (_, removed) = await PostAsync(S3EventBodies.Aws("ObjectRemoved:Delete", "My+Album/01.wav"));

        Assert.Empty(await _factory.SentCommandsAsync());
        var coverIgnored = Assert.Single(cover.GetProperty("ignored").EnumerateArray());
        Assert.Equal("My Album/cover.jpg", coverIgnored.GetProperty("key").GetString());
        Assert.Contains("not an audio file", coverIgnored.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var removedIgnored = Assert.Single(removed.GetProperty("ignored").EnumerateArray());
        Assert.Contains("ObjectRemoved:Delete", removedIgnored.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestEvent_IsAcceptedAndPublishesNothing()
    {
        var (status, body) = await PostAsync(S3EventBodies.TestEvent);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Empty(await _factory.SentCommandsAsync());
        Assert.Empty(Keys(body, "published"));
    }

    [Fact]
    public async Task SameEventTwice_PublishesOnce()
    {
        var body = S3EventBodies.Aws("ObjectCreated:Put", "My+Album/01.wav");
        await PostAsync(body);
        var (status, second) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Single(await _factory.SentCommandsAsync());
        var ignored = Assert.Single(second.GetProperty("ignored").EnumerateArray());
        Assert.Contains("duplicate", ignored.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameKeyWithNewETag_PublishesAgain()
    {
        await PostAsync(S3EventBodies.Aws("ObjectCreated:Put", "My+Album/01.wav", eTag: "aaaa"));
        await PostAsync(S3EventBodies.Aws("ObjectCreated:Put", "My+Album/01.wav", eTag: "bbbb"));

        Assert.Equal(2, (await _factory.SentCommandsAsync()).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token-0123456789abcdef")]
    public async Task MissingOrWrongToken_Is401(string? token)
    {
        using var client = _factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var content = new StringContent(S3EventBodies.Aws("ObjectCreated:Put", "a/1.wav"), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _factory.SentCommandsAsync());
    }

    [Fact]
    public async Task NullRecord_Is400()
    {
        var (status, problem) = await PostAsync("""{"Records":[null]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("null entry", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x/../../../../../audio/label/a.wav")]
    [InlineData("a//b.wav")]
    [InlineData("a/%00b.wav")]
    public async Task HostileKey_IsRefusedAndNeverSent(string rawKey)
    {
        var (status, body) = await PostAsync(S3EventBodies.Aws("ObjectCreated:Put", rawKey));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Empty(await _factory.SentCommandsAsync());
        var ignored = Assert.Single(body.GetProperty("ignored").EnumerateArray());
        Assert.StartsWith("invalid key", ignored.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, await TestDatabase.ScalarAsync<long>(_factory.Database, "select count(*) from job_tracks where state = 'failed' and error_code = 'invalid-key'"));
    }

    [Theory]
    [InlineData("{\"Records\": [")]
    [InlineData("")]
    [InlineData("{\"hello\": 1}")]
    public async Task MalformedBody_Is400WithAMessage(string body)
    {
        var (status, problem) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json)
    {
        using var client = _factory.CreateAuthorizedClient();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static List<string?> Keys(JsonElement body, string property) =>
        body.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();
}
