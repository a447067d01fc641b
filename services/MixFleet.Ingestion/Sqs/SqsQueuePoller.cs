using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;

namespace MixFleet.Ingestion.Sqs;

/// <summary>
/// One long-polling loop over one queue: receive up to <see cref="SqsOptions.MaxMessages"/>, keep them hidden while
/// <see cref="SqsBatchHandler"/> records them (<see cref="VisibilityExtender"/>), then delete the ones done. Any fault
/// (SQS, PostgreSQL) is logged and the loop backs off (1 s doubling to 30 s) instead of crashing the service; the
/// messages not deleted come back after the visibility timeout.
/// </summary>
internal sealed class SqsQueuePoller(IAmazonSQS sqs, SqsBatchHandler handler, IOptions<SqsOptions> options, TimeProvider timeProvider, ILogger<SqsQueuePoller> logger)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public async Task RunAsync(string queueUrl, CancellationToken stoppingToken)
    {
        var o = options.Value;
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = queueUrl,
                    MaxNumberOfMessages = o.MaxMessages,
                    WaitTimeSeconds = o.WaitTimeSeconds,
                    VisibilityTimeout = o.VisibilityTimeoutSeconds,
                    MessageSystemAttributeNames = [SqsBatchHandler.ReceiveCount],
                }, stoppingToken).ConfigureAwait(false);
                var messages = received.Messages ?? [];
                if (messages.Count == 0)
                {
                    backoff = TimeSpan.Zero;
                    continue;
                }

                SqsBatchResult result;
                var extender = VisibilityExtender.Start(o.VisibilityTimeout, ct => ExtendAsync(queueUrl, messages, o.VisibilityTimeoutSeconds, ct),
                    ex => IngestionLog.SqsExtendFailed(logger, messages.Count, queueUrl, ex), timeProvider, stoppingToken);
                await using (extender.ConfigureAwait(false))
                {
                    result = await handler.HandleAsync(queueUrl, messages, stoppingToken).ConfigureAwait(false);
                }

                await DeleteAsync(queueUrl, result.Done, stoppingToken).ConfigureAwait(false);
                backoff = result.Failed ? Next(backoff) : TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives any dependency outage: log, back off, try again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                backoff = Next(backoff);
                IngestionLog.SqsPollFailed(logger, queueUrl, backoff, ex);
            }

            if (backoff > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(backoff, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static TimeSpan Next(TimeSpan backoff) => backoff == TimeSpan.Zero ? FirstBackoff : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));

    private async Task ExtendAsync(string queueUrl, List<Message> messages, int seconds, CancellationToken cancellationToken) =>
        await sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = [.. messages.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ReceiptHandle = m.ReceiptHandle, VisibilityTimeout = seconds })],
        }, cancellationToken).ConfigureAwait(false);

    private async Task DeleteAsync(string queueUrl, IReadOnlyList<Message> done, CancellationToken cancellationToken)
    {
        if (done.Count == 0)
        {
            return;
        }

        var response = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = [.. done.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ReceiptHandle = m.ReceiptHandle })],
        }, cancellationToken).ConfigureAwait(false);
        foreach (var failed in response.Failed ?? [])
        {
            // The message comes back after its visibility timeout and is recognised as a duplicate then.
            IngestionLog.SqsDeleteFailed(logger, queueUrl, failed.Code, failed.Message);
        }
    }
}
