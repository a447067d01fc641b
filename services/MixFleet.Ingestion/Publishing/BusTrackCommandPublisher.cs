using MassTransit;
using MixFleet.Contracts.V1;

namespace MixFleet.Ingestion.Publishing;

/// <summary>Publishes <see cref="AnalyzeTrack"/> on the fleet's bus (MassTransit over RabbitMQ); the workers consume it.</summary>
internal sealed class BusTrackCommandPublisher(IBus bus) : ITrackCommandPublisher
{
    public Task PublishAsync(AnalyzeTrack command, CancellationToken cancellationToken) => bus.Publish(command, cancellationToken);
}
