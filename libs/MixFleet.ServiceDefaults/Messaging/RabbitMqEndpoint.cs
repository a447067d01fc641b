using System.Globalization;

namespace MixFleet.ServiceDefaults.Messaging;

/// <summary>Where and as whom the bus connects, resolved from <see cref="RabbitMqOptions"/>.</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">AMQP port.</param>
/// <param name="VirtualHost">Virtual host.</param>
/// <param name="Username">User name.</param>
/// <param name="Password">Password; never logged (see <see cref="ToString"/>).</param>
/// <param name="UseTls">True for <c>amqps</c>.</param>
public sealed record RabbitMqEndpoint(string Host, int Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    /// <summary>The endpoint as a URI with the password redacted: safe to log.</summary>
    public override string ToString()
    {
        var scheme = UseTls ? "amqps" : "amqp";
        var vhost = VirtualHost == "/" ? "" : System.Uri.EscapeDataString(VirtualHost);
        return string.Create(CultureInfo.InvariantCulture, $"{scheme}://{System.Uri.EscapeDataString(Username)}:***@{Host}:{Port}/{vhost}");
    }
}
