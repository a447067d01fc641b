using MixFleet.Contracts.V1;

namespace MixFleet.Ingestion.Publishing;

/// <summary>Sends <see cref="AnalyzeTrack"/> to the workers. The message bus implementation is wired by the fleet.</summary>
public interface ITrackCommandPublisher
{
    /// <summary>Publishes one command; completes when the broker has accepted it.</summary>
    Task PublishAsync(AnalyzeTrack command, CancellationToken cancellationToken);
}
