using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MixFleet.ServiceDefaults;

/// <summary>The fleet's OpenTelemetry wiring.</summary>
public static class TelemetryHostingExtensions
{
    /// <summary>Every source and meter of the fleet's own libraries starts with this (<c>MixFleet.Worker</c>, <c>MixFleet.Jobs</c>).</summary>
    public const string OwnSources = "MixFleet.*";

    /// <summary>The configuration key of the OTLP endpoint (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works too).</summary>
    public const string OtlpEndpointKey = "MixFleet:Telemetry:OtlpEndpoint";

    /// <summary>
    /// OpenTelemetry traces and metrics: the fleet's own sources and meters (<see cref="OwnSources"/>),
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
                t.AddSource(OwnSources, "MassTransit", "System.Net.Http");
                tracing?.Invoke(t);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(OwnSources, "MassTransit", "System.Net.Http");
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
