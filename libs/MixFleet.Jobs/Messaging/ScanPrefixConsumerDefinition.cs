using MassTransit;
using Microsoft.Extensions.Options;
using MixFleet.Contracts;
using MixFleet.ServiceDefaults.Messaging;

namespace MixFleet.Jobs.Messaging;

/// <summary>The <c>scan-prefix</c> endpoint: a few pages at once (different jobs), retried on storage and database faults.</summary>
public sealed class ScanPrefixConsumerDefinition : ConsumerDefinition<ScanPrefixConsumer>
{
    /// <summary>Pages listed at once.</summary>
    public const int ConcurrentPages = 4;

    /// <summary>Creates the definition.</summary>
    public ScanPrefixConsumerDefinition(IOptions<RabbitMqOptions> rabbit)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        EndpointName = rabbit.Value.QueueName(QueueNames.ScanPrefix);
        ConcurrentMessageLimit = ConcurrentPages;
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ScanPrefixConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.PrefetchCount = ConcurrentPages;
        endpointConfigurator.UseDurableQueue();

        endpointConfigurator.UseMessageRetry(retry =>
            retry.Exponential(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));
    }
}
