using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MixFleet.Ingestion.Publishing;
using MixFleet.Storage;

namespace MixFleet.Ingestion.Tests.Doubles;

/// <summary>The real service with an in-memory store, a recording publisher and a known token.</summary>
public sealed class IngestionFactory : WebApplicationFactory<Program>
{
    public const string Token = "test-token-0123456789abcdef";
    public const string ReportsBucket = "reports";

    internal InMemoryObjectStore Store { get; } = new();

    internal RecordingPublisher Publisher { get; } = new();

    /// <summary>Set to false to start without a webhook token.</summary>
    public bool WithToken { get; init; } = true;

    /// <summary>Set to false to start without an IObjectStore (the storage seam unwired).</summary>
    public bool WithStore { get; init; } = true;

    /// <summary>Set to false to keep the stand-in publisher (the messaging seam unwired).</summary>
    public bool WithPublisher { get; init; } = true;

    /// <summary>A client that sends the bearer token.</summary>
    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (WithToken)
        {
            builder.UseSetting("MixFleet:Ingestion:WebhookToken", Token);
        }

        builder.UseSetting("MixFleet:Ingestion:ReportsBucket", ReportsBucket);
        builder.ConfigureTestServices(services =>
        {
            if (WithStore)
            {
                services.AddSingleton<IObjectStore>(Store);
            }

            if (WithPublisher)
            {
                services.AddSingleton<ITrackCommandPublisher>(Publisher);
            }
        });
    }
}
