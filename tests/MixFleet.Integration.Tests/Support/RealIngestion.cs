using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// The ingestion service as deployed: the S3 store on s3rver, the job store on the real PostgreSQL, the MassTransit bus on
/// the real RabbitMQ broker (no test harness, no double), with a known webhook token.
/// </summary>
/// <param name="reportsBucket">The run's reports bucket.</param>
/// <param name="database">The run's job store.</param>
/// <param name="queuePrefix">The run's queue prefix.</param>
/// <param name="settings">Configuration that wins over the defaults below (e.g. <c>MixFleet:Jobs:ScanPageSize</c>).</param>
/// <param name="configureServices">Changes to the service's registrations (a fault to inject), applied last.</param>
internal sealed class RealIngestion(
    string reportsBucket,
    string database,
    string queuePrefix,
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    public const string Token = "e2e-token-0123456789abcdef";

    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>The address the service listens on once started with Kestrel (<c>UseKestrel</c>).</summary>
    public Uri BaseAddress =>
        new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in RealParts.Configuration())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("MixFleet:Ingestion:WebhookToken", Token);
        builder.UseSetting("MixFleet:Reports:Bucket", reportsBucket);
        builder.UseSetting("MixFleet:Ingestion:DefaultProfile", "streaming");
        builder.UseSetting("MixFleet:Postgres:ConnectionString", database);
        builder.UseSetting("MixFleet:RabbitMq:QueuePrefix", queuePrefix);
        // Short timings so the tests do not wait: event albums seal after 1 s of quiet, stalled work resumes after 3 s.
        builder.UseSetting("MixFleet:Jobs:EventAlbumQuietPeriod", "00:00:01");
        builder.UseSetting("MixFleet:Jobs:StalledAfter", "00:00:03");
        builder.UseSetting("MixFleet:Jobs:MaintenanceInterval", "00:00:00.200");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}
