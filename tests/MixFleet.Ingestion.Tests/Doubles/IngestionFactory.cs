using MixFleet.Testing;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using MassTransit.Testing;
using MixFleet.Contracts.V1;
using MixFleet.Storage;

namespace MixFleet.Ingestion.Tests.Doubles;

/// <summary>
/// The real service with an in-memory store, MassTransit's in-memory test harness instead of a broker, a fresh database
/// of its own on the real PostgreSQL (<see cref="TestDatabase"/>), and a known token.
/// </summary>
public sealed class IngestionFactory : WebApplicationFactory<Program>
{
    public const string Token = "test-token-0123456789abcdef";
    public const string ReportsBucket = "reports";

    internal InMemoryObjectStore Store { get; } = new();

    /// <summary>The factory's own database.</summary>
    public string Database { get; } = TestDatabase.Create();

    /// <summary>Set to false to start without a webhook token.</summary>
    public bool WithToken { get; init; } = true;

    /// <summary>Set to false to start without storage configuration (the real store's options then fail at start).</summary>
    public bool WithStore { get; init; } = true;

    /// <summary>Configuration added last (e.g. <c>MixFleet:Sqs:*</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

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
        builder.UseSetting("MixFleet:Postgres:ConnectionString", Database);
        builder.UseSetting("MixFleet:Jobs:MaintenanceInterval", "00:00:00.100");
        if (WithStore)
        {
            builder.UseSetting("MixFleet:Storage:Kind", "local");
            builder.UseSetting("MixFleet:Storage:Local:RootPath", _storageRoot);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // The bus runs on MassTransit's in-memory harness, never on a broker.
            services.AddMassTransitTestHarness();
            if (WithStore)
            {
                services.AddSingleton<IObjectStore>(Store);
            }
        });
    }

    /// <summary>
    /// The <c>AnalyzeTrack</c> commands sent so far, once the outbox holds nothing unsent (waited for, at most 30 s).
    /// </summary>
    public async Task<IReadOnlyList<AnalyzeTrack>> SentCommandsAsync()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (await TestDatabase.ScalarAsync<long>(Database, "select count(*) from objects where dispatched_at is null") > 0)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox still holds unsent commands after 30 s.");
            }

            await Task.Delay(50);
        }

        var harness = Services.GetRequiredService<ITestHarness>();
        return harness.Sent.Select<AnalyzeTrack>().Select(m => m.Context.Message).ToList();
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
