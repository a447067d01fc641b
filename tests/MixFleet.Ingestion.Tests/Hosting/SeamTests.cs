using System.Net;
using System.Text;
using MixFleet.Ingestion.Tests.Doubles;
using MixFleet.Ingestion.Tests.Events;

namespace MixFleet.Ingestion.Tests.Hosting;

public sealed class SeamTests
{
    [Fact]
    public void NoObjectStore_FailsStartUpNamingTheMissingRegistration()
    {
        using var factory = new IngestionFactory { WithStore = false };

        var ex = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(ex);
        Assert.Contains("No IObjectStore is registered", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoMessageBus_StartsButAPublishFailsWith500()
    {
        using var factory = new IngestionFactory { WithPublisher = false };
        using var client = factory.CreateAuthorizedClient();
        using var content = new StringContent(S3EventBodies.Aws("ObjectCreated:Put", "a/1.wav"), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
