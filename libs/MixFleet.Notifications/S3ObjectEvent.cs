namespace MixFleet.Notifications;

/// <summary>
/// One object event, whichever envelope carried it: the event name as S3 notifications spell it (<c>ObjectCreated:Put</c>;
/// MinIO prefixes <c>s3:</c>), the bucket, the key decoded, the ETag without quotes.
/// </summary>
/// <param name="EventName">The S3 event name; an EventBridge event is named after its <c>reason</c> (<c>PutObject</c> → <c>ObjectCreated:Put</c>).</param>
/// <param name="Bucket">The bucket's name; null when the event has none.</param>
/// <param name="Key">The object key, URL-decoded form-style (<c>+</c> is a space); empty when the event has none.</param>
/// <param name="ETag">The entity tag without surrounding quotes; null when absent or empty.</param>
/// <param name="Size">Size in bytes, when given.</param>
/// <param name="EventTime">The event's time as sent (ISO 8601), kept as text: an odd format must not fail the message.</param>
public sealed record S3ObjectEvent(string EventName, string? Bucket, string Key, string? ETag, long? Size, string? EventTime)
{
    private const string ObjectCreatedPrefix = "ObjectCreated:";

    /// <summary>True for an object creation (<c>ObjectCreated:*</c>, with or without MinIO's <c>s3:</c> prefix).</summary>
    public bool IsObjectCreated =>
        (EventName.StartsWith("s3:", StringComparison.Ordinal) ? EventName[3..] : EventName).StartsWith(ObjectCreatedPrefix, StringComparison.Ordinal);
}
