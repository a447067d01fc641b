using System.ComponentModel.DataAnnotations;

namespace MixFleet.Fleet.Messaging;

/// <summary>The broker (configuration section <c>MixFleet:RabbitMq</c>). The password is never logged.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:RabbitMq";

    /// <summary>Host name or address.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "MixFleet:RabbitMq:Host is required.")]
    public string Host { get; set; } = "localhost";

    /// <summary>AMQP port.</summary>
    [Range(1, 65535)]
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
}
