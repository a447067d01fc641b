using System.ComponentModel.DataAnnotations;

namespace MixFleet.ServiceDefaults.Messaging;

/// <summary>
/// The broker (configuration section <c>MixFleet:RabbitMq</c>): either <see cref="Uri"/> or the separate properties,
/// which also fill in what the URI leaves out (e.g. the password). The password is never logged.
/// </summary>
public sealed class RabbitMqOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:RabbitMq";

    private const string UriError = "MixFleet:RabbitMq:Uri must be an absolute amqp:// or amqps:// URI with a host, e.g. amqp://guest:guest@127.0.0.1:5672/.";

    /// <summary>
    /// The broker as one URI (<c>amqp://user:password@host:5672/vhost</c>, or <c>amqps://</c> for TLS, default port
    /// 5671); when set, its host, port, virtual host, user and password win over the separate properties.
    /// </summary>
    public string? Uri { get; set; }

    /// <summary>Host name or address.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "MixFleet:RabbitMq:Host is required.")]
    public string Host { get; set; } = "localhost";

    /// <summary>AMQP port.</summary>
    [Range(1, 65535, ErrorMessage = "MixFleet:RabbitMq:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 5672;

    /// <summary>Virtual host.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "MixFleet:RabbitMq:VirtualHost is required.")]
    public string VirtualHost { get; set; } = "/";

    /// <summary>User name.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "MixFleet:RabbitMq:Username is required.")]
    public string Username { get; set; } = "guest";

    /// <summary>Password; from a secret in production, never logged.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "MixFleet:RabbitMq:Password is required.")]
    public string Password { get; set; } = "guest";

    /// <summary>
    /// Put in front of every queue name the fleet declares or sends to (<see cref="MixFleet.Contracts.QueueNames"/>).
    /// Commands stay within a prefix; published events (exchanges named by message type) still reach every prefix's
    /// settlement queue, where another fleet's database matches nothing. Separate fleets belong in separate virtual
    /// hosts; the prefix isolates test runs and blue/green pairs. Empty by default.
    /// </summary>
    [RegularExpression("^[a-z0-9][a-z0-9.-]{0,100}$|^$", ErrorMessage = "MixFleet:RabbitMq:QueuePrefix may hold only lowercase letters, digits, '.' and '-'.")]
    public string QueuePrefix { get; set; } = "";

    /// <summary>The full name of one of the fleet's queues: <see cref="QueuePrefix"/> + <paramref name="queue"/>.</summary>
    public string QueueName(string queue) => QueuePrefix + queue;

    /// <summary>The connection settings: <see cref="Uri"/> where it says something, the separate properties otherwise.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Uri"/> is not a valid amqp(s) URI.</exception>
    public RabbitMqEndpoint Resolve()
    {
        if (string.IsNullOrWhiteSpace(Uri))
        {
            return new RabbitMqEndpoint(Host, Port, VirtualHost, Username, Password, UseTls: false);
        }

        var uri = TryParse(Uri) ?? throw new InvalidOperationException(UriError);
        var tls = uri.Scheme == "amqps";
        var user = Username;
        var password = Password;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = System.Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                password = System.Uri.UnescapeDataString(parts[1]);
            }
        }

        var virtualHost = uri.AbsolutePath is "" or "/" ? VirtualHost : System.Uri.UnescapeDataString(uri.AbsolutePath[1..]);
        var port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? 5671 : 5672) : uri.Port;
        return new RabbitMqEndpoint(uri.Host, port, virtualHost, user, password, tls);
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Uri) && TryParse(Uri) is null)
        {
            yield return new ValidationResult(UriError, [nameof(Uri)]);
        }
    }

    private static Uri? TryParse(string value) =>
        System.Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" && uri.Host.Length > 0 ? uri : null;
}
