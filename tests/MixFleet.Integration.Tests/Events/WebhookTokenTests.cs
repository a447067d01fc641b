using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Events;

/// <summary>The S3 event webhook on the real ingestion service refuses requests without its bearer token.</summary>
[Trait("Category", "Integration")]
public sealed class WebhookTokenTests
{
    [Fact]
    public async Task The_webhook_without_the_token_or_with_a_wrong_one_is_401()
    {
        await using var ingestion = new RealIngestion("mixfleet-e2e-unused", TestDatabase.Create(), "e2e-unused-");
        using var client = ingestion.CreateClient();
        using var body = new StringContent(S3Events.ObjectCreated("mixfleet-e2e-unused", new Uploaded("a.wav", "0123", 1)), Encoding.UTF8, "application/json");

        using var anonymous = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/events/s3", UriKind.Relative))
        {
            Content = new StringContent(S3Events.ObjectCreated("mixfleet-e2e-unused", new Uploaded("a.wav", "0123", 1)), Encoding.UTF8, "application/json"),
        };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RealIngestion.Token + "x");
        using var wrongResponse = await client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
    }
}
