using Microsoft.Extensions.DependencyInjection.Extensions;
using MixFleet.Contracts;
using MixFleet.Ingestion.Auth;
using MixFleet.Ingestion.Events;
using MixFleet.Ingestion.Scans;
using MixFleet.Ingestion.Storage;
using MixFleet.Jobs;
using MixFleet.ServiceDefaults;
using MixFleet.Storage;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MixFleet.Ingestion.Hosting;

/// <summary>The ingestion service's registrations, one method per concern so Program.cs reads as a table of contents.</summary>
internal static class IngestionServiceExtensions
{
    /// <summary>Options (validated on start), the event and scan services, problem details (503 when a dependency is down) and the store's health check.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.DefaultProfile is null || QcProfileNames.IsKnown(o.DefaultProfile),
                "MixFleet:Ingestion:DefaultProfile must name a built-in QC profile (streaming, apple, ebu-r128, atsc-a85, cd, mix-for-mastering, none).")
            .ValidateOnStart();
        ReportsOptions.Register(services);   // MixFleet:Reports:Bucket, shared with the worker
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<DependencyUnavailableHandler>();
        services.AddSingleton<BearerTokenFilter>();
        services.AddSingleton<S3EventIngestor>();
        services.AddSingleton<ScanService>();
        services.AddHealthChecks().AddCheck<ObjectStoreHealthCheck>("object-store", tags: [IngestionEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>
    /// The object store (S3 / S3-compatible or a local folder, from <c>MixFleet:Storage</c>, validated at start), resolved
    /// once at start-up so a wrong configuration stops the service at once.
    /// </summary>
    public static IHostApplicationBuilder AddIngestionStorage(this IHostApplicationBuilder builder)
    {
        builder.AddObjectStore();
        builder.Services.AddHostedService<ObjectStoreStartupCheck>();
        return builder;
    }

    /// <summary>
    /// The control plane: the job store (PostgreSQL, migrated at start-up, in the readiness checks), the outbox
    /// dispatcher and maintenance loop, and the bus (MassTransit over RabbitMQ) with the scan listing consumer.
    /// </summary>
    public static IHostApplicationBuilder AddIngestionControlPlane(this IHostApplicationBuilder builder)
    {
        builder.AddJobStore();
        builder.AddJobMaintenance();
        builder.AddMixFleetMessaging(bus => bus.AddScanConsumer());
        return builder;
    }

    /// <summary>The fleet's telemetry plus ASP.NET Core's server spans and metrics (health probes left out of the traces).</summary>
    public static IHostApplicationBuilder AddIngestionTelemetry(this IHostApplicationBuilder builder) =>
        builder.AddMixFleetTelemetry(
            tracing => tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal)),
            metrics => metrics.AddAspNetCoreInstrumentation());
}
