using System.Collections.Concurrent;
using MixFleet.Contracts.V1;
using MixFleet.Ingestion.Publishing;

namespace MixFleet.Ingestion.Tests.Doubles;

/// <summary>Keeps every published command.</summary>
internal sealed class RecordingPublisher : ITrackCommandPublisher
{
    private readonly ConcurrentQueue<AnalyzeTrack> _published = new();

    public IReadOnlyList<AnalyzeTrack> Published => [.. _published];

    public Task PublishAsync(AnalyzeTrack command, CancellationToken cancellationToken)
    {
        _published.Enqueue(command);
        return Task.CompletedTask;
    }
}
