using MassTransit;
using Microsoft.Extensions.Options;
using MixFleet.Contracts;
using MixFleet.ServiceDefaults.Messaging;

namespace MixFleet.Jobs.Messaging;

/// <summary>The durable <c>job-faults</c> endpoint, retried on database faults like settlement.</summary>
public sealed class WorkFaultConsumerDefinition : ConsumerDefinition<WorkFaultConsumer>
{
    /// <summary>Creates the definition.</summary>
    public WorkFaultConsumerDefinition(IOptions<RabbitMqOptions> rabbit)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        EndpointName = rabbit.Value.QueueName(QueueNames.JobFaults);
        ConcurrentMessageLimit = 4;
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<WorkFaultConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.UseDurableQueue();

        endpointConfigurator.UseJobStoreRetry();
    }
}
