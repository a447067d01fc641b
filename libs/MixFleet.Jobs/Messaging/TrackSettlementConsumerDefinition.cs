using MassTransit;
using Microsoft.Extensions.Options;
using MixFleet.Contracts;
using MixFleet.ServiceDefaults.Messaging;

namespace MixFleet.Jobs.Messaging;

/// <summary>
/// The <c>job-progress</c> endpoint: batches of up to <see cref="BatchSize"/> outcomes (or what arrived within
/// <see cref="BatchWindow"/>), two batches at once, retried on database faults (deadlocks between concurrent batches
/// included) with a growing delay.
/// </summary>
public sealed class TrackSettlementConsumerDefinition : ConsumerDefinition<TrackSettlementConsumer>
{
    /// <summary>Outcomes settled per transaction at most.</summary>
    public const int BatchSize = 200;

    /// <summary>Batches settled at once.</summary>
    public const int ConcurrentBatches = 2;

    /// <summary>How long a batch waits to fill.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>Creates the definition.</summary>
    public TrackSettlementConsumerDefinition(IOptions<RabbitMqOptions> rabbit)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        EndpointName = rabbit.Value.QueueName(QueueNames.JobProgress);
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TrackSettlementConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        ArgumentNullException.ThrowIfNull(consumerConfigurator);
        endpointConfigurator.PrefetchCount = BatchSize * ConcurrentBatches * 2;
        endpointConfigurator.UseDurableQueue();

        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(BatchSize).SetTimeLimit(BatchWindow).SetConcurrencyLimit(ConcurrentBatches));
        endpointConfigurator.UseJobStoreRetry();
    }
}
