using Microsoft.Extensions.Options;

namespace MixFleet.Ingestion.Sqs;

/// <summary>
/// The SQS source: <see cref="SqsOptions.PollersPerQueue"/> long-polling loops (<see cref="SqsQueuePoller"/>) on each
/// configured queue, for the life of the service. Registered only when a queue is configured.
/// </summary>
/// <remarks>
/// The poller (and with it the SQS client, made from the options) is resolved when the source starts, not when the
/// host builds its hosted services: the host builds those before it validates options, so an invalid setting would
/// otherwise surface as a construction failure instead of the validation message.
/// </remarks>
internal sealed class SqsSource(IServiceProvider services, IOptions<SqsOptions> options, ILogger<SqsSource> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var poller = services.GetRequiredService<SqsQueuePoller>();
        IngestionLog.SqsSourceStarted(logger, o.QueueUrls.Count, o.PollersPerQueue, o.ServiceUrl ?? "AWS");
        return Task.WhenAll(o.QueueUrls.SelectMany(url => Enumerable.Range(0, o.PollersPerQueue).Select(_ => Task.Run(() => poller.RunAsync(url, stoppingToken), CancellationToken.None))));
    }
}
