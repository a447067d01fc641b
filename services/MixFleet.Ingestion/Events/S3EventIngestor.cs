using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using MixFleet.Contracts.Keys;
using MixFleet.Jobs.Dispatch;
using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Events;

/// <summary>
/// Turns one S3/MinIO notification into work in the job store: each created audio object joins the event job of its
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
    private const string TestEvent = "s3:TestEvent";
    private const string ObjectCreated = "ObjectCreated:";

    /// <summary>The result, or null when the body is neither records nor a test event.</summary>
    public async Task<EventIngestResult?> IngestAsync(S3EventNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Records is null || notification.Records.Count == 0)
        {
            if (string.Equals(notification.Event, TestEvent, StringComparison.Ordinal))
            {
                IngestionLog.TestEvent(logger, notification.Bucket);
                return new EventIngestResult([], []);
            }

            return notification.Records is null ? null : new EventIngestResult([], []);
        }

        var ignored = new List<IgnoredObject>();
        var work = new Dictionary<(string Bucket, Guid JobId), (List<ListedObject> Objects, List<InvalidObject> Invalid)>();
        foreach (var record in notification.Records)
        {
            var bucket = record.S3?.Bucket?.Name;
            var rawKey = record.S3?.Object?.Key;
            var key = rawKey is null ? string.Empty : WebUtility.UrlDecode(rawKey);
            var reason = Classify(record, bucket, key);
            if (reason is not null)
            {
                IngestionLog.Ignored(logger, bucket, key, reason);
                ignored.Add(new IgnoredObject(key, reason));
                continue;
            }

            var jobId = EventJobIds.For(bucket!, DateOnly.FromDateTime(EventTimeOf(record).UtcDateTime));
            if (!work.TryGetValue((bucket!, jobId), out var entry))
            {
                entry = ([], []);
                work[(bucket!, jobId)] = entry;
            }

            var obj = record.S3!.Object!;
            if (ObjectKeyRules.Check(key) is { } invalid)
            {
                entry.Invalid.Add(new InvalidObject(key, invalid));
            }
            else
            {
                entry.Objects.Add(new ListedObject(key, obj.ETag?.Trim('"') is { Length: > 0 } etag ? etag : null, obj.Size));
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

    /// <summary>Null when the record names a created audio object, else why it is ignored.</summary>
    private static string? Classify(S3EventRecord record, string? bucket, string key)
    {
        var eventName = record.EventName ?? string.Empty;
        var bareName = eventName.StartsWith("s3:", StringComparison.Ordinal) ? eventName[3..] : eventName;
        if (!bareName.StartsWith(ObjectCreated, StringComparison.Ordinal))
        {
            return $"event '{eventName}' is not an object creation";
        }

        if (string.IsNullOrEmpty(bucket) || key.Length == 0)
        {
            return "record has no bucket name or object key";
        }

        return key.EndsWith('/') || !AudioFileExtensions.IsAudio(key) ? "not an audio file" : null;
    }

    /// <summary>The event's own time (so a redelivery on the next day keeps its job), else now.</summary>
    private DateTimeOffset EventTimeOf(S3EventRecord record) =>
        DateTimeOffset.TryParse(record.EventTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : timeProvider.GetUtcNow();
}
