using Microsoft.Extensions.DependencyInjection.Extensions;
using MixFleet.Ingestion.Auth;
using MixFleet.Ingestion.Events;
using MixFleet.Ingestion.Jobs;
using MixFleet.Ingestion.Publishing;
using MixFleet.Ingestion.Scans;
using MixFleet.Ingestion.Storage;
using MixFleet.Reports.Qc;
using MixFleet.Storage;

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
    /// Seam for storage. The storage library's <c>builder.AddObjectStore()</c> (S3 or local folder, from configuration)
    /// registers <see cref="IObjectStore"/>, before or after this call. Without one the service stops at start-up with
    /// a message saying so.
    /// </summary>
    public static IHostApplicationBuilder AddIngestionStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IObjectStore>(_ => throw new InvalidOperationException(
            "No IObjectStore is registered: call builder.AddObjectStore() (MixFleet.Storage) so ingestion can list buckets and write job manifests."));
        builder.Services.AddHostedService<ObjectStoreStartupCheck>();
        return builder;
    }

    /// <summary>
    /// Seam for the message bus. The fleet's messaging (MassTransit) registers the real <see cref="ITrackCommandPublisher"/>;
    /// until then a stand-in lets the service start and fails each publish with "No message bus configured".
    /// </summary>
    public static IHostApplicationBuilder AddIngestionPublisher(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ITrackCommandPublisher, UnconfiguredTrackCommandPublisher>();
        return builder;
    }
}
