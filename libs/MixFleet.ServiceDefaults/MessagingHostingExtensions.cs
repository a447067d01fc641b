using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MixFleet.ServiceDefaults.Messaging;

namespace MixFleet.ServiceDefaults;

/// <summary>The fleet's message bus: MassTransit over RabbitMQ.</summary>
public static class MessagingHostingExtensions
{
    /// <summary>
    /// Configuration key that turns MassTransit's anonymous usage telemetry on (it is off: nothing leaves the process
    /// unless configured).
    /// </summary>
    public const string UsageTelemetryKey = "MixFleet:Telemetry:MassTransitUsageTelemetry";

    /// <summary>
    /// MassTransit over RabbitMQ (<see cref="RabbitMqOptions"/>, validated at start), kebab-case endpoints configured
    /// from the consumers <paramref name="configure"/> registers, publisher confirms on, MassTransit's usage telemetry off
    /// unless <see cref="UsageTelemetryKey"/> is true.
    /// </summary>
    public static IHostApplicationBuilder AddMixFleetMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<RabbitMqOptions>()
            .BindConfiguration(RabbitMqOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var usageTelemetry = builder.Configuration.GetValue<bool>(UsageTelemetryKey);
        builder.Services.AddMassTransit(bus =>
        {
            bus.ConfigureUsageTelemetryOptions(options => options.Enabled = usageTelemetry);
            bus.SetKebabCaseEndpointNameFormatter();
            configure(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var endpoint = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value.Resolve();
                ServiceDefaultsLog.RabbitMqEndpoint(context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagingHostingExtensions)), endpoint.ToString());
                rabbit.Host(endpoint.Host, (ushort)endpoint.Port, endpoint.VirtualHost, host =>
                {
                    host.Username(endpoint.Username);
                    host.Password(endpoint.Password);
                    // A send completes only when the broker has the message (the outbox marks rows dispatched after it).
                    host.PublisherConfirmation = true;
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
}
