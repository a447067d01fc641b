using MassTransit;

namespace MixFleet.ServiceDefaults.Messaging;

/// <summary>The fleet's queues: durable and never auto-deleted, declared with no arguments (as a sender declares them).</summary>
public static class DurableQueueExtensions
{
    /// <summary>Makes the endpoint's RabbitMQ queue durable and not auto-deleted (other transports: nothing to do).</summary>
    public static void UseDurableQueue(this IReceiveEndpointConfigurator endpointConfigurator)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.Durable = true;
            rabbit.AutoDelete = false;
        }
    }
}
