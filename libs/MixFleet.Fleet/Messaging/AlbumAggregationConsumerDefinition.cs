using MassTransit;
using Microsoft.Extensions.Options;
using MixFleet.Contracts;
using MixFleet.ServiceDefaults.Messaging;
using MixFleet.Reports.Qc;

namespace MixFleet.Fleet.Messaging;

/// <summary>
/// The <c>album-aggregation</c> endpoint: durable queue, a modest concurrency (aggregation is I/O: one read per track),
/// and a retry for transient storage and database faults (docs/worker.md, "Album aggregation").
/// </summary>
public sealed class AlbumAggregationConsumerDefinition : ConsumerDefinition<AlbumAggregationConsumer>
{
    /// <summary>Messages consumed at once (also the prefetch count).</summary>
    public const int ConcurrentMessages = 4;

    /// <summary>Retries after the first attempt.</summary>
    public const int RetryLimit = 3;

    /// <summary>Creates the definition.</summary>
    public AlbumAggregationConsumerDefinition(IOptions<RabbitMqOptions> rabbit)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        EndpointName = rabbit.Value.QueueName(QueueNames.AlbumAggregation);
        ConcurrentMessageLimit = ConcurrentMessages;
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AlbumAggregationConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.PrefetchCount = ConcurrentMessages;
        endpointConfigurator.UseDurableQueue();

        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Exponential(RetryLimit, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(2));
            // Never retried: an unknown profile or a malformed album key cannot succeed later.
            retry.Ignore<QcProfileException>();
            retry.Ignore<ArgumentException>();
        });
    }
}
