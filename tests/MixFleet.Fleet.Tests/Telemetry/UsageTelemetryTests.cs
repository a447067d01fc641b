using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MixFleet.ServiceDefaults;

namespace MixFleet.Fleet.Tests.Telemetry;

/// <summary>
/// MassTransit 8.5 reports anonymous usage to its vendor unless told not to: the fleet's bus has it off unless
/// <c>MixFleet:Telemetry:MassTransitUsageTelemetry</c> is true (nothing leaves the process unless configured).
/// </summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public void MassTransit_usage_telemetry_is_off_by_default()
    {
        using var host = Build(setting: null);

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    [Fact]
    public void MassTransit_usage_telemetry_is_on_only_when_configured()
    {
        using var host = Build(setting: "true");

        Assert.True(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    private static IHost Build(string? setting)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MixFleet:RabbitMq:Uri"] = "amqp://guest:guest@127.0.0.1:5672/",
            [MessagingHostingExtensions.UsageTelemetryKey] = setting,
        });
        builder.AddMixFleetMessaging(_ => { });
        return builder.Build();
    }
}
