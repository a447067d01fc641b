using Microsoft.Extensions.Options;

namespace MixFleet.Ingestion.Sqs;

/// <summary>
/// The SQS source: <see cref="SqsOptions.PollersPerQueue"/> long-polling loops (<see cref="SqsQueuePoller"/>) on each
/// configured queue, for the life of the service. Registered only when a queue is configured.
/// </summary>
internal sealed class SqsSource(SqsQueuePoller poller, IOptions<SqsOptions> options, ILogger<SqsSource> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        IngestionLog.SqsSourceStarted(logger, o.QueueUrls.Count, o.PollersPerQueue, o.ServiceUrl ?? "AWS");
        return Task.WhenAll(o.QueueUrls.SelectMany(url => Enumerable.Range(0, o.PollersPerQueue).Select(_ => Task.Run(() => poller.RunAsync(url, stoppingToken), CancellationToken.None))));
    }
}
