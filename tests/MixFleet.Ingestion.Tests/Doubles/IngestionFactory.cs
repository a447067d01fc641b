using MixFleet.Testing;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using MassTransit;
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

    /// <summary>Set to false to start without storage configuration (the real store's options then fail at start).</summary>
    public bool WithStore { get; init; } = true;

    /// <summary>Set to false to keep the real bus publisher (on MassTransit's in-memory test harness).</summary>
    public bool WithPublisher { get; init; } = true;

    private readonly string _storageRoot = Directory.CreateTempSubdirectory("mixfleet-ingestion-").FullName;

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

        builder.UseSetting("MixFleet:Reports:Bucket", ReportsBucket);
        if (WithStore)
        {
            builder.UseSetting("MixFleet:Storage:Kind", "local");
            builder.UseSetting("MixFleet:Storage:Local:RootPath", _storageRoot);
        }

        builder.ConfigureTestServices(services =>
        {
            // The bus runs on MassTransit's in-memory harness, never on a broker.
            services.AddMassTransitTestHarness();
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_storageRoot))
        {
            Directory.Delete(_storageRoot, recursive: true);
        }
    }
}
