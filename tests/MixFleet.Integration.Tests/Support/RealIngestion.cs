using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// The ingestion service as deployed: the S3 store on s3rver and the MassTransit bus on the real RabbitMQ broker (no
/// test harness, no double), with a known webhook token.
/// </summary>
internal sealed class RealIngestion(string reportsBucket) : WebApplicationFactory<Program>
{
    public const string Token = "e2e-token-0123456789abcdef";

    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in RealParts.Configuration())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("MixFleet:Ingestion:WebhookToken", Token);
        builder.UseSetting("MixFleet:Reports:Bucket", reportsBucket);
        builder.UseSetting("MixFleet:Ingestion:DefaultProfile", "streaming");
    }
}
