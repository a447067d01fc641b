using System.Net;
using System.Text;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using MixFleet.Ingestion.Tests.Doubles;
using MixFleet.Ingestion.Tests.Events;

namespace MixFleet.Ingestion.Tests.Hosting;

public sealed class SeamTests
{
    [Fact]
    public void NoStorageConfiguration_FailsStartUpNamingTheSetting()
    {
        using var factory = new IngestionFactory { WithStore = false };

        var ex = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(ex);
        Assert.Contains("MixFleet:Storage:Local:RootPath is required", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3Event_IsSentOnTheBus_AsAnalyzeTrack()
    {
        using var factory = new IngestionFactory();
        using var client = factory.CreateAuthorizedClient();
        var harness = factory.Services.GetRequiredService<ITestHarness>();
        using var content = new StringContent(S3EventBodies.Aws("ObjectCreated:Put", "label/artist/album/01+Intro.wav"), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single(await factory.SentCommandsAsync());
        Assert.Equal("label/artist/album/01 Intro.wav", message.Source.Key);
        Assert.Equal("label/artist/album/", message.AlbumKey);
    }
}
