using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MixFleet.Ingestion.Tests.Doubles;

namespace MixFleet.Ingestion.Tests.Requests;

/// <summary>
/// <c>MixFleet:Ingestion:MaxRequestBodyBytes</c> (default 1 MiB): a larger body answers 413 with problem details, with or
/// without a Content-Length, and the service stays ready and keeps serving.
/// </summary>
public sealed class RequestBodyLimitTests : IDisposable
{
    private const long Limit = 1_048_576;
    private readonly IngestionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/v1/events/s3")]
    [InlineData("/v1/scans")]
    public async Task BodyOverTheLimit_WithContentLength_Is413AndTheServiceStaysReady(string path)
    {
        using var client = _factory.CreateAuthorizedClient();
        using var content = new ByteArrayContent(OversizedJson(Limit + 1));
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);

        await AssertTooLargeAsync(response);
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Empty(await _factory.SentCommandsAsync());
    }

    [Fact]
    public async Task FiftyMegabytesChunked_WithoutContentLength_Is413()
    {
        using var client = _factory.CreateAuthorizedClient();
        using var body = new EndlessJson(50L * 1024 * 1024);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), content);

        // (The test server's client pumps the whole body into its pipe whatever the service does, so how much the
        // service read is not observable from here; the service stops reading past the limit, BoundedReadStream.)
        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task BodyJustUnderTheLimit_IsReadAsUsual()
    {
        using var client = _factory.CreateAuthorizedClient();
        // A valid scan request padded with spaces to just under the limit: read in full, then refused as a scan of a
        // bucket that does not exist (404), not for its size.
        var json = "{\"bucket\":\"no-such-bucket\"}";
        using var content = new StringContent(json + new string(' ', (int)Limit - json.Length - 1), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/v1/scans", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A syntactically plausible JSON object of <paramref name="bytes"/> bytes (one long string value).</summary>
    private static byte[] OversizedJson(long bytes)
    {
        var body = new byte[bytes];
        Array.Fill(body, (byte)'a');
        "{\"Records\":\""u8.CopyTo(body);
        "\"}"u8.CopyTo(body.AsSpan((int)bytes - 2));
        return body;
    }

    /// <summary>A body of unknown length (sent chunked).</summary>
    private sealed class EndlessJson(long length) : Stream
    {
        private static readonly byte[] Start = "{\"Records\":\""u8.ToArray();
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Interlocked.Read(ref _position);
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var at = Interlocked.Read(ref _position);
            var n = (int)Math.Min(count, length - at);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = at + i < Start.Length ? Start[at + i] : (byte)'a';
            }

            Interlocked.Add(ref _position, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
