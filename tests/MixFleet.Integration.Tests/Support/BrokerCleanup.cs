using MixFleet.Contracts;
using RabbitMQ.Client;

namespace MixFleet.Integration.Tests.Support;

/// <summary>Deletes what a test run declared on the broker under its own names (queues and their exchanges).</summary>
internal static class BrokerCleanup
{
    /// <summary>The queues the workers consume (the ingestion consumes <see cref="QueueNames.ScanPrefix"/>).</summary>
    private static readonly string[] WorkerQueues = [QueueNames.AnalyzeTrack, QueueNames.AlbumAggregation, QueueNames.JobProgress, QueueNames.JobFaults];

    /// <summary>Deletes every queue of the fleet under <paramref name="prefix"/> (and their exchanges): after a run.</summary>
    public static async Task DeleteFleetQueuesAsync(string prefix)
    {
        foreach (var queue in WorkerQueues.Append(QueueNames.ScanPrefix))
        {
            await DeleteQueueAsync(prefix + queue);
        }
    }

    /// <summary>
    /// Deletes the workers' queues under <paramref name="prefix"/>, as on a broker where no worker ever started; the
    /// running ingestion's own <c>scan-prefix</c> queue is left to it.
    /// </summary>
    public static async Task DeleteWorkerQueuesAsync(string prefix)
    {
        foreach (var queue in WorkerQueues)
        {
            await DeleteQueueAsync(prefix + queue);
        }
    }

    public static async Task DeleteQueueAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = RealParts.Broker() };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // MassTransit declares an exchange of the queue's name bound to it; _error and _skipped appear on demand.
        foreach (var name in new[] { queue, queue + "_error", queue + "_skipped" })
        {
            await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
            await channel.ExchangeDeleteAsync(name, ifUnused: false);
        }
    }
}
