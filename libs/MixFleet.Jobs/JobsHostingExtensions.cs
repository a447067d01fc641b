using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MixFleet.Jobs.Dispatch;
using MixFleet.Jobs.Messaging;
using MixFleet.Jobs.Schema;
using MixFleet.Jobs.Store;
using Npgsql;

namespace MixFleet.Jobs;

/// <summary>Registrations of the control plane.</summary>
public static class JobsHostingExtensions
{
    /// <summary>The tag of the PostgreSQL readiness check.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// The job store: <see cref="PostgresOptions"/> and <see cref="JobsOptions"/> (validated at start), one pooled
    /// <see cref="NpgsqlDataSource"/>, the schema migrated at start-up (before anything else starts), the stores, the
    /// command sender, and a readiness check of PostgreSQL tagged <see cref="ReadyTag"/>.
    /// </summary>
    public static IHostApplicationBuilder AddJobStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(NpgsqlDataSource)))
        {
            return builder;
        }

        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.Build().ConnectionString).Build());
        // First hosted service: the schema exists before the bus delivers anything.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaMigrationService>());
        services.AddSingleton<ScanJobStore>();
        services.AddSingleton<EventJobStore>();
        services.AddSingleton<SettlementStore>();
        services.AddSingleton<AlbumStore>();
        services.AddSingleton<JobQueries>();
        services.AddSingleton<AlbumQueries>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<StalledWork>();
        services.AddSingleton<StrandedWork>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<FleetCommands>();
        services.AddSingleton<AlbumClaimSender>();
        services.AddHealthChecks().AddNpgSql(name: "postgres", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>The ingestion side: the outbox dispatcher and maintenance loop (needs <see cref="AddJobStore"/>).</summary>
    public static IHostApplicationBuilder AddJobMaintenance(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<JobMaintenanceService>();
        return builder;
    }

    /// <summary>The consumer that lists scans page by page (<c>scan-prefix</c>).</summary>
    public static IBusRegistrationConfigurator AddScanConsumer(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<ScanPrefixConsumer, ScanPrefixConsumerDefinition>();
        return bus;
    }

    /// <summary>
    /// The consumers that settle analysis outcomes into the job store (<c>job-progress</c>) and record the commands that
    /// ended in a worker's error queue (<c>job-faults</c>).
    /// </summary>
    public static IBusRegistrationConfigurator AddSettlementConsumer(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<TrackSettlementConsumer, TrackSettlementConsumerDefinition>();
        bus.AddConsumer<WorkFaultConsumer, WorkFaultConsumerDefinition>();
        return bus;
    }
}
