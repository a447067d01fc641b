using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using MixFleet.Audio;
using MixFleet.Contracts.V1;
using MixFleet.Ingestion.Publishing;

namespace MixFleet.Ingestion.Events;

/// <summary>
/// Turns one S3/MinIO notification into <see cref="AnalyzeTrack"/> commands: one per created audio object, each
/// object version once per instance (<see cref="EventDeduplicator"/>); everything else is ignored with a reason.
/// </summary>
internal sealed class S3EventIngestor(
    ITrackCommandPublisher publisher,
    EventDeduplicator deduplicator,
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

        var published = new List<string>();
        var ignored = new List<IgnoredObject>();
        foreach (var record in notification.Records)
        {
            var bucket = record.S3?.Bucket?.Name;
            var rawKey = record.S3?.Object?.Key;
            var key = rawKey is null ? string.Empty : WebUtility.UrlDecode(rawKey);
            var reason = await IngestRecordAsync(record, bucket, key, cancellationToken).ConfigureAwait(false);
            if (reason is null)
            {
                published.Add(key);
            }
            else
            {
                IngestionLog.Ignored(logger, bucket, key, reason);
                ignored.Add(new IgnoredObject(key, reason));
            }
        }

        return new EventIngestResult(published, ignored);
    }

    /// <summary>Publishes the record's object; null when published, else why not.</summary>
    private async Task<string?> IngestRecordAsync(S3EventRecord record, string? bucket, string key, CancellationToken cancellationToken)
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

        if (key.EndsWith('/') || !AudioFileExtensions.IsAudio(key))
        {
            return "not an audio file";
        }

        var obj = record.S3!.Object!;
        var eTag = obj.ETag?.Trim('"');
        var identity = EventDeduplicator.IdentityOf(bucket, key, eTag, obj.Sequencer);
        if (deduplicator.WasPublished(identity))
        {
            return "duplicate: this object version was already published";
        }

        var jobId = EventJobIds.For(bucket, DateOnly.FromDateTime(EventTimeOf(record).UtcDateTime));
        var command = new AnalyzeTrack
        {
            JobId = jobId,
            Source = new ObjectRef { Bucket = bucket, Key = key, ETag = eTag, Size = obj.Size, VersionId = obj.VersionId },
            AlbumKey = AlbumKeys.Of(key),
            Profile = options.Value.DefaultProfile,
        };
        await publisher.PublishAsync(command, cancellationToken).ConfigureAwait(false);
        deduplicator.MarkPublished(identity);
        IngestionLog.Published(logger, bucket, key, jobId);
        return null;
    }

    /// <summary>The event's own time (so a redelivery on the next day keeps its job), else now.</summary>
    private DateTimeOffset EventTimeOf(S3EventRecord record) =>
        DateTimeOffset.TryParse(record.EventTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : timeProvider.GetUtcNow();
}
