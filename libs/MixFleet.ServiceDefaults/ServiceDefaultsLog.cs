using Microsoft.Extensions.Logging;

namespace MixFleet.ServiceDefaults;

/// <summary>Log messages of the service defaults. Credentials are never logged.</summary>
internal static partial class ServiceDefaultsLog
{
    [LoggerMessage(1, LogLevel.Information, "RabbitMQ: {BrokerUri}")]
    public static partial void RabbitMqEndpoint(ILogger logger, string brokerUri);
}
