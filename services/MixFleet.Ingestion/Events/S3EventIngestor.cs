using System.Globalization;
using Microsoft.Extensions.Options;
using MixFleet.Contracts.Keys;
using MixFleet.Jobs.Dispatch;
using MixFleet.Jobs.Store;
using MixFleet.Notifications;

namespace MixFleet.Ingestion.Events;

/// <summary>
/// Turns the object events of S3/MinIO notifications (webhook or SQS) into work in the job store: each created audio object joins the event job of its
/// bucket and UTC day (<see cref="EventJobIds"/>), in one transaction per job; the outbox dispatcher then sends its
/// <c>AnalyzeTrack</c>. A repeated event for the same object version is recognised by the store and adds nothing, on
/// any replica and after any restart. Everything else is ignored with a reason; a key the fleet refuses becomes a
/// failed track of the job.
/// </summary>
internal sealed class S3EventIngestor(
    EventJobStore events,
    OutboxSignal outbox,
    IOptions<IngestionOptions> options,
    TimeProvider timeProvider,
    ILogger<S3EventIngestor> logger)
{
    /// <summary>
    /// Records the created audio objects among <paramref name="objectEvents"/> (keys already decoded) in their event jobs,
    /// one transaction per job; when it returns, the work is committed and the outbox will send it.
    /// </summary>
    public async Task<EventIngestResult> IngestAsync(IReadOnlyList<S3ObjectEvent> objectEvents, CancellationToken cancellationToken)
    {
        var ignored = new List<IgnoredObject>();
        var work = new Dictionary<(string Bucket, Guid JobId), (List<ListedObject> Objects, List<InvalidObject> Invalid)>();
        foreach (var e in objectEvents)
        {
            var reason = Classify(e);
            if (reason is not null)
            {
                IngestionLog.Ignored(logger, e.Bucket, e.Key, reason);
                ignored.Add(new IgnoredObject(e.Key, reason));
                continue;
            }

            var bucket = e.Bucket!;
            var jobId = EventJobIds.For(bucket, DateOnly.FromDateTime(EventTimeOf(e).UtcDateTime));
            if (!work.TryGetValue((bucket, jobId), out var entry))
            {
                entry = ([], []);
                work[(bucket, jobId)] = entry;
            }

            if (ObjectKeyRules.Check(e.Key) is { } invalid)
            {
                entry.Invalid.Add(new InvalidObject(e.Key, invalid));
            }
            else
            {
                entry.Objects.Add(new ListedObject(e.Key, e.ETag, e.Size));
            }
        }

        var accepted = new List<string>();
        foreach (var ((bucket, jobId), (objects, invalid)) in work)
        {
            var added = await events.AddAsync(jobId, bucket, options.Value.DefaultProfile, objects, invalid, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            foreach (var key in objects.Select(o => o.Key))
            {
                if (added.Contains(key, StringComparer.Ordinal))
                {
                    IngestionLog.Published(logger, bucket, key, jobId);
                    accepted.Add(key);
                }
                else
                {
                    ignored.Add(new IgnoredObject(key, "duplicate: this object version is already part of the job"));
                }
            }

            ignored.AddRange(invalid.Select(i => new IgnoredObject(ObjectKeyRules.Displayable(i.Key), "invalid key: " + i.Reason)));
        }

        outbox.Kick();
        return new EventIngestResult(accepted, ignored);
    }

    /// <summary>Null when the event names a created audio object, else why it is ignored.</summary>
    private static string? Classify(S3ObjectEvent e)
    {
        if (!e.IsObjectCreated)
        {
            return $"event '{e.EventName}' is not an object creation";
        }

        if (string.IsNullOrEmpty(e.Bucket) || e.Key.Length == 0)
        {
            return "record has no bucket name or object key";
        }

        return e.Key.EndsWith('/') || !AudioFileExtensions.IsAudio(e.Key) ? "not an audio file" : null;
    }

    /// <summary>The event's own time (so a redelivery on the next day keeps its job), else now.</summary>
    private DateTimeOffset EventTimeOf(S3ObjectEvent e) =>
        DateTimeOffset.TryParse(e.EventTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : timeProvider.GetUtcNow();
}
