using System.Globalization;
using Amazon.SQS.Model;
using MixFleet.Ingestion.Events;
using MixFleet.Notifications;

namespace MixFleet.Ingestion.Sqs;

/// <summary>
/// Handles one received batch: reads each message's envelope (<see cref="S3Notifications"/>), records the object events
/// of the whole batch through the webhook's path (<see cref="S3EventIngestor"/>: same key rules, same event jobs, the
/// job store's de-duplication, the outbox), and says which messages are done. A message is done once its events are
/// committed to the job store, from which the outbox sends the <c>AnalyzeTrack</c> commands with publisher confirms; a
/// test event or an envelope without S3 events is done at once; an unreadable one is never done, so the queue's redrive
/// policy moves it to the dead-letter queue after <c>maxReceiveCount</c> receives.
/// </summary>
internal sealed class SqsBatchHandler(S3EventIngestor ingestor, ILogger<SqsBatchHandler> logger)
{
    /// <summary>The SQS system attribute that counts receives (logged with a poison message).</summary>
    public const string ReceiveCount = "ApproximateReceiveCount";

    public async Task<SqsBatchResult> HandleAsync(string queueUrl, IReadOnlyList<Message> messages, CancellationToken cancellationToken)
    {
        var done = new List<Message>();
        var carriers = new List<Message>();
        var events = new List<S3ObjectEvent>();
        foreach (var message in messages)
        {
            var parsed = S3Notifications.Parse(message.Body ?? string.Empty);
            switch (parsed.Outcome)
            {
                case NotificationOutcome.Malformed:
                    IngestionLog.SqsPoisonMessage(logger, message.MessageId, queueUrl, ReceivesOf(message), parsed.Detail!);
                    break;
                case NotificationOutcome.TestEvent:
                    IngestionLog.TestEvent(logger, parsed.Detail);
                    done.Add(message);
                    break;
                case NotificationOutcome.Ignored:
                    IngestionLog.SqsMessageIgnored(logger, message.MessageId, parsed.Detail!);
                    done.Add(message);
                    break;
                default:
                    events.AddRange(parsed.Events);
                    carriers.Add(message);
                    break;
            }
        }

        if (carriers.Count == 0)
        {
            return new SqsBatchResult(done, Failed: false);
        }

        try
        {
            await ingestor.IngestAsync(events, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not deleted: back after the visibility timeout; what was committed before the fault is a duplicate then.
            IngestionLog.SqsRecordFailed(logger, carriers.Count, queueUrl, ex);
            return new SqsBatchResult(done, Failed: true);
        }

        done.AddRange(carriers);
        return new SqsBatchResult(done, Failed: false);
    }

    private static int ReceivesOf(Message message) =>
        message.Attributes?.TryGetValue(ReceiveCount, out var count) == true && int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
