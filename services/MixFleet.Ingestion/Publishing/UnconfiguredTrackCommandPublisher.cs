using MixFleet.Contracts.V1;

namespace MixFleet.Ingestion.Publishing;

/// <summary>Stands in until a message bus is wired: the service starts and answers, but publishing fails loudly.</summary>
internal sealed class UnconfiguredTrackCommandPublisher : ITrackCommandPublisher
{
    public Task PublishAsync(AnalyzeTrack command, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(
            "No message bus configured: register an ITrackCommandPublisher (the fleet's MassTransit publisher) before AddIngestionPublisher().");
}
