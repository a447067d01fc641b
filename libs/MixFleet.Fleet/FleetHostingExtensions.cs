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
using MixFleet.Fleet.Telemetry;
using MixFleet.Fleet.Tracks;
using MixFleet.Storage;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

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
    /// The worker's track analysis: <see cref="TrackAnalysisOptions"/> and <see cref="ReportsOptions"/> (validated at
    /// start), the process-wide <see cref="CpuBudget"/>, the decoder, <see cref="TrackAnalysisUseCase"/>,
    /// <see cref="AlbumAggregationUseCase"/>, <see cref="WorkerTelemetry"/>, and graceful-stop timeouts (host and bus)
    /// long enough for the tracks in flight. An <c>IObjectStore</c> must be registered separately.
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
        services.TryAddSingleton(sp => new CpuBudget(sp.GetRequiredService<IOptions<TrackAnalysisOptions>>().Value.Cores));
        services.TryAddSingleton(AnalysisOptions.Default);
        services.TryAddSingleton<IAudioDecoder, AudioDecoder>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<WorkerTelemetry>();
        // The use case sees the store and decoder through wrappers that move the consumer's stage spans on
        // (fetch, decode-analyze, write) and count decoded frames; it knows nothing of telemetry itself.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<TrackAnalysisUseCase>(
            sp,
            new StageTrackingObjectStore(sp.GetRequiredService<IObjectStore>()),
            new StageTrackingAudioDecoder(sp.GetRequiredService<IAudioDecoder>())));
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

    /// <summary>The configuration key of the OTLP endpoint (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works too).</summary>
    public const string OtlpEndpointKey = "MixFleet:Telemetry:OtlpEndpoint";

    /// <summary>
    /// OpenTelemetry traces and metrics: the <see cref="WorkerTelemetry"/> source and meter (<c>MixFleet.Worker</c>),
    /// MassTransit's, and .NET's own HTTP client ones (the S3 client's requests); <paramref name="tracing"/> and
    /// <paramref name="metrics"/> add a service's own (ASP.NET Core for the ingestion API). OTLP export only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <see cref="OtlpEndpointKey"/> is configured; otherwise nothing leaves
    /// the process.
    /// </summary>
    /// <exception cref="InvalidOperationException">The configured OTLP endpoint is not an absolute http(s) URL.</exception>
    public static IHostApplicationBuilder AddMixFleetTelemetry(
        this IHostApplicationBuilder builder,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(t =>
            {
                t.AddSource(WorkerTelemetry.Name, "MassTransit", "System.Net.Http");
                tracing?.Invoke(t);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(WorkerTelemetry.Name, "MassTransit", "System.Net.Http");
                metrics?.Invoke(m);
            });

        var standard = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var ours = builder.Configuration[OtlpEndpointKey];
        var endpoint = string.IsNullOrWhiteSpace(standard) ? ours : standard;
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException(
                    $"{OtlpEndpointKey} (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute http(s) URL, e.g. http://otel-collector:4317, not '{endpoint}'.");
            }

            // The exporter reads the standard OTEL_* keys (protocol, headers) from configuration; ours only fills in the endpoint.
            builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint.Trim();
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
