using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.ServiceDefaults;
using OpenTelemetry.Trace;

namespace MixFleet.Fleet.Tests.Telemetry;

public sealed class TelemetryHostingTests
{
    [Fact]
    public void Without_an_endpoint_nothing_is_exported_but_the_tracer_provider_exists()
    {
        using var host = Build(new());

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetRequiredService<IConfiguration>()["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    [Fact]
    public void The_fleet_key_supplies_the_otlp_endpoint()
    {
        using var host = Build(new() { [TelemetryHostingExtensions.OtlpEndpointKey] = "http://otel-collector:4317" });

        Assert.Equal("http://otel-collector:4317", host.Services.GetRequiredService<IConfiguration>()["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    [Fact]
    public void A_bad_otlp_endpoint_is_named_at_start_up()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Build(new() { [TelemetryHostingExtensions.OtlpEndpointKey] = "collector:4317" }));

        Assert.Equal(
            "MixFleet:Telemetry:OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute http(s) URL, e.g. http://otel-collector:4317, not 'collector:4317'.",
            ex.Message);
    }

    private static IHost Build(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddMixFleetTelemetry();
        return builder.Build();
    }
}
