extern alias ingestion;

using MassTransit;
using MixFleet.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MixFleet.Storage;

namespace MixFleet.Cli.Tests.Support;

/// <summary>
/// The real ingestion service in-process: an in-memory store, MassTransit's in-memory test harness as the bus, a known
/// token. <see cref="RunCliAsync"/> runs the CLI against it through the test server's handler.
/// </summary>
public sealed class IngestionService : WebApplicationFactory<ingestion::Program>
{
    public const string Url = "http://ingestion.test/";
    public const string Token = "cli-test-token-0123456789abcdef";
    public const string ReportsBucket = "reports";

    private readonly string _storageRoot = Directory.CreateTempSubdirectory("mixfleet-cli-ingestion-").FullName;

    internal InMemoryObjectStore Store { get; } = new();

    /// <summary>Runs <c>mixfleet</c> with <paramref name="args"/>; HTTP goes to this service whatever the URL.</summary>
    internal async Task<(int ExitCode, string Output, string Error)> RunCliAsync(params string[] args)
    {
        var server = Server;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Commands.MixFleetCli.RunAsync(args, output, error, server.CreateHandler);
        return (exitCode, output.ToString(), error.ToString());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MixFleet:Ingestion:WebhookToken", Token);
        builder.UseSetting("MixFleet:Reports:Bucket", ReportsBucket);
        builder.UseSetting("MixFleet:Postgres:ConnectionString", MixFleet.Testing.TestDatabase.Create());
        builder.UseSetting("MixFleet:Jobs:MaintenanceInterval", "00:00:00.100");
        builder.UseSetting("MixFleet:Storage:Kind", "local");
        builder.UseSetting("MixFleet:Storage:Local:RootPath", _storageRoot);
        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            services.AddSingleton<IObjectStore>(Store);
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
