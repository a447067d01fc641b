using System.Collections.Concurrent;
using MassTransit;
using MixFleet.Contracts.V1;

namespace MixFleet.Fleet.Tests.Support;

/// <summary>Receives the worker's events in a test, by job and object key.</summary>
internal sealed class OutcomeConsumer(OutcomeConsumer.Received received) : IConsumer<TrackAnalyzed>, IConsumer<TrackFailed>
{
    public Task Consume(ConsumeContext<TrackAnalyzed> context)
    {
        received.Of(context.Message.JobId, context.Message.Source.Key).TrySetResult(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<TrackFailed> context)
    {
        received.Of(context.Message.JobId, context.Message.Source.Key).TrySetResult(context.Message);
        return Task.CompletedTask;
    }

    /// <summary>One awaitable event per (job, key); events of other jobs (an earlier run's leftovers) are ignored by the test.</summary>
    internal sealed class Received
    {
        private readonly ConcurrentDictionary<(Guid, string), TaskCompletionSource<object>> _events = new();

        public TaskCompletionSource<object> Of(Guid jobId, string key) =>
            _events.GetOrAdd((jobId, key), _ => new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
