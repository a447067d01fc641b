using Microsoft.Extensions.DependencyInjection.Extensions;
using MixFleet.Fleet;
using MixFleet.Ingestion.Auth;
using MixFleet.Ingestion.Events;
using MixFleet.Ingestion.Jobs;
using MixFleet.Ingestion.Publishing;
using MixFleet.Ingestion.Scans;
using MixFleet.Ingestion.Storage;
using MixFleet.Reports.Qc;
using MixFleet.Storage;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MixFleet.Ingestion.Hosting;

/// <summary>The ingestion service's registrations, one method per concern so Program.cs reads as a table of contents.</summary>
internal static class IngestionServiceExtensions
{
    /// <summary>Options (validated on start), the event, scan and job services, problem details and the health checks.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.DefaultProfile is null || QcProfiles.All.ContainsKey(o.DefaultProfile),
                "MixFleet:Ingestion:DefaultProfile must name a built-in QC profile (streaming, apple, ebu-r128, atsc-a85, cd, mix-for-mastering, none).")
            .ValidateOnStart();
        ReportsOptions.Register(services);   // MixFleet:Reports:Bucket, shared with the worker
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddSingleton<BearerTokenFilter>();
        services.AddSingleton<EventDeduplicator>();
        services.AddSingleton<S3EventIngestor>();
        services.AddSingleton<ScanService>();
        services.AddSingleton<JobStatusService>();
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

    /// <summary>The fleet's bus (MassTransit over RabbitMQ, <c>MixFleet:RabbitMq</c>) and the publisher of <c>AnalyzeTrack</c>.</summary>
    public static IHostApplicationBuilder AddIngestionPublisher(this IHostApplicationBuilder builder)
    {
        builder.AddMixFleetMessaging(_ => { });
        builder.Services.AddSingleton<ITrackCommandPublisher, BusTrackCommandPublisher>();
        return builder;
    }

    /// <summary>The fleet's telemetry plus ASP.NET Core's server spans and metrics (health probes left out of the traces).</summary>
    public static IHostApplicationBuilder AddIngestionTelemetry(this IHostApplicationBuilder builder) =>
        builder.AddMixFleetTelemetry(
            tracing => tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal)),
            metrics => metrics.AddAspNetCoreInstrumentation());
}
