using MassTransit;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MixFleet.Fleet;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tracks;
using MixFleet.Jobs;
using MixFleet.ServiceDefaults;
using MixFleet.Storage;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddMixFleetTelemetry();             // traces and metrics (MixFleet.*, MassTransit, HTTP); OTLP when configured
builder.AddTrackAnalysis();                 // use cases (track, album), job store, CPU budget, decoder, graceful-stop timeouts, health checks
builder.AddObjectStore();                   // S3 / S3-compatible or a local folder, from MixFleet:Storage
builder.AddMixFleetMessaging(bus =>
{
    bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>();
    bus.AddConsumer<AlbumAggregationConsumer, AlbumAggregationConsumerDefinition>();
    bus.AddSettlementConsumer();            // TrackAnalyzed / TrackFailed → the job store, album claims
});
// Health only, on its own port (MixFleet:Worker:HealthPort, 8081): the worker serves nothing else over HTTP.
builder.WebHost.ConfigureKestrel((context, kestrel) =>
    kestrel.ListenAnyIP(context.Configuration.GetValue(TrackAnalysisOptions.SectionName + ":" + nameof(TrackAnalysisOptions.HealthPort), 8081)));

var app = builder.Build();
// Live: the process answers and no track in flight has stalled. Ready: PostgreSQL, the object store and the bus
// (Degraded, while the bus reconnects, is not ready either).
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(FleetHostingExtensions.LiveTag) });
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains(JobsHostingExtensions.ReadyTag),
    ResultStatusCodes =
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    },
});
await app.RunAsync();

/// <summary>The worker's entry point (visible to the tests' WebApplicationFactory).</summary>
public partial class Program;
