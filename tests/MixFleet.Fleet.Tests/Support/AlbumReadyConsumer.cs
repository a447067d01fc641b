using System.Collections.Concurrent;
using MassTransit;
using MixFleet.Contracts.V1;

namespace MixFleet.Fleet.Tests.Support;

/// <summary>Receives <see cref="AlbumReportReady"/> in a test, by job and album key.</summary>
internal sealed class AlbumReadyConsumer(AlbumReadyConsumer.Received received) : IConsumer<AlbumReportReady>
{
    public Task Consume(ConsumeContext<AlbumReportReady> context)
    {
        received.Of(context.Message.JobId, context.Message.AlbumKey).TrySetResult(context.Message);
        return Task.CompletedTask;
    }

    /// <summary>The first event per (job, album); events of other jobs are ignored by the test.</summary>
    internal sealed class Received
    {
        private readonly ConcurrentDictionary<(Guid, string), TaskCompletionSource<AlbumReportReady>> _events = new();

        public TaskCompletionSource<AlbumReportReady> Of(Guid jobId, string albumKey) =>
            _events.GetOrAdd((jobId, albumKey), _ => new TaskCompletionSource<AlbumReportReady>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
