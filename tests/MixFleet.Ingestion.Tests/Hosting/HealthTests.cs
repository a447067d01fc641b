using System.Net;
using MixFleet.Ingestion.Tests.Doubles;

namespace MixFleet.Ingestion.Tests.Hosting;

public sealed class HealthTests : IDisposable
{
    private readonly IngestionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithAWorkingStore_Is200WithoutAToken(string path)
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WhenTheStoreThrows_Is503WhileLiveStays200()
    {
        using var client = _factory.CreateClient();
        _factory.Store.Broken = true;

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
