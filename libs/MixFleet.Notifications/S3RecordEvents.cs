namespace MixFleet.Notifications;

/// <summary>The S3 notification JSON (<c>Records[]</c> or <c>s3:TestEvent</c>) read into object events.</summary>
public static class S3RecordEvents
{
    /// <summary>The S3 test event's <c>Event</c> value.</summary>
    public const string TestEventName = "s3:TestEvent";

    /// <summary>
    /// The notification's events (keys decoded, ETags unquoted), its test event, or why it is malformed: neither
    /// <c>Records</c> nor a test event, or a null record. An empty <c>Records</c> array is no events, not an error.
    /// </summary>
    public static ParsedNotification Read(S3EventNotification notification, NotificationEnvelope envelope = NotificationEnvelope.S3)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Records is null)
        {
            return string.Equals(notification.Event, TestEventName, StringComparison.Ordinal)
                ? ParsedNotification.Test(envelope, notification.Bucket)
                : ParsedNotification.Malformed(envelope, "The body has neither 'Records' nor an 's3:TestEvent'.");
        }

        if (notification.Records.Any(r => r is null))
        {
            return ParsedNotification.Malformed(envelope, "'Records' holds a null entry; every record must be an object.");
        }

        return ParsedNotification.Of(envelope, notification.Records.Select(ToEvent).ToList());
    }

    private static S3ObjectEvent ToEvent(S3EventRecord record) => new(
        record.EventName ?? string.Empty,
        record.S3?.Bucket?.Name,
        record.S3?.Object?.Key is { } key ? S3ObjectKeys.Decode(key) : string.Empty,
        Unquote(record.S3?.Object?.ETag),
        record.S3?.Object?.Size,
        record.EventTime);

    /// <summary>The ETag without surrounding quotes; null when absent or empty.</summary>
    internal static string? Unquote(string? etag) => etag?.Trim('"') is { Length: > 0 } bare ? bare : null;
}
