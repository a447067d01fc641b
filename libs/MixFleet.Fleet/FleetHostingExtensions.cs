using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Fleet.Albums;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tracks;
using MixFleet.Storage;

namespace MixFleet.Fleet;

/// <summary>Registrations of the fleet's services.</summary>
public static class FleetHostingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (<see cref="RabbitMqOptions"/>, validated at start), kebab-case endpoints configured
    /// from the consumers <paramref name="configure"/> registers.
    /// </summary>
    public static IHostApplicationBuilder AddMixFleetMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<RabbitMqOptions>()
            .BindConfiguration(RabbitMqOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            configure(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var endpoint = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value.Resolve();
                FleetLog.RabbitMqEndpoint(context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FleetHostingExtensions)), endpoint.ToString());
                rabbit.Host(endpoint.Host, (ushort)endpoint.Port, endpoint.VirtualHost, host =>
                {
                    host.Username(endpoint.Username);
                    host.Password(endpoint.Password);
                    if (endpoint.UseTls)
                    {
                        host.UseSsl(ssl => ssl.ServerName = endpoint.Host);
                    }
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// The worker's track analysis: <see cref="TrackAnalysisOptions"/> (validated at start), the process-wide
    /// <see cref="CpuBudget"/>, the decoder, <see cref="TrackAnalysisUseCase"/>, <see cref="AlbumAggregationUseCase"/>,
    /// and graceful-stop timeouts (host and bus) long enough for the tracks in flight. An <c>IObjectStore</c> must be
    /// registered separately.
    /// </summary>
    public static IHostApplicationBuilder AddTrackAnalysis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TrackAnalysisOptions>()
            .BindConfiguration(TrackAnalysisOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        ReportsOptions.Register(services);
        services.AddOptions<TrackAnalysisOptions>()
            .Configure<IOptions<ReportsOptions>>((worker, reports) => worker.ReportsBucket = reports.Value.Bucket);
        services.TryAddSingleton(sp => new CpuBudget(sp.GetRequiredService<IOptions<TrackAnalysisOptions>>().Value.Cores));
        services.TryAddSingleton(AnalysisOptions.Default);
        services.TryAddSingleton<IAudioDecoder, AudioDecoder>();
        services.TryAddSingleton<TrackAnalysisUseCase>();
        services.TryAddSingleton<AlbumAggregationUseCase>();
        services.AddOptions<HostOptions>()
            .Configure<IOptions<TrackAnalysisOptions>>((host, worker) => host.ShutdownTimeout = worker.Value.ShutdownTimeout + TimeSpan.FromSeconds(15));
        services.AddOptions<MassTransitHostOptions>()
            .Configure<IOptions<TrackAnalysisOptions>>((bus, worker) =>
            {
                bus.WaitUntilStarted = true;
                bus.StopTimeout = worker.Value.ShutdownTimeout;
            });
        return builder;
    }
}
