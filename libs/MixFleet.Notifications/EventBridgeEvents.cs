using System.Text.Json;

namespace MixFleet.Notifications;

/// <summary>
/// S3 events as EventBridge delivers them (<c>source: aws.s3</c>): <c>detail-type</c> <c>Object Created</c>, the bucket
/// in <c>detail.bucket.name</c>, the object in <c>detail.object.{key,size,etag}</c>, the time in <c>time</c>. The key is
/// URL-encoded as in S3's own notifications.
/// </summary>
public static class EventBridgeEvents
{
    /// <summary>The <c>detail-type</c> of an object creation.</summary>
    public const string ObjectCreated = "Object Created";

    /// <summary>True when <paramref name="root"/> has the shape of an EventBridge event (<c>detail-type</c> and <c>detail</c>).</summary>
    public static bool IsEventBridge(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("detail-type", out var type) && type.ValueKind == JsonValueKind.String
        && root.TryGetProperty("detail", out _);

    /// <summary>The event's object creation, or why it is ignored or malformed.</summary>
    public static ParsedNotification Read(JsonElement root, NotificationEnvelope envelope = NotificationEnvelope.EventBridge)
    {
        var source = StringOf(root, "source");
        var type = StringOf(root, "detail-type");
        if (!string.Equals(source, "aws.s3", StringComparison.Ordinal))
        {
            return ParsedNotification.Ignore(envelope, $"EventBridge event from '{source}', not from aws.s3");
        }

        if (!string.Equals(type, ObjectCreated, StringComparison.Ordinal))
        {
            return ParsedNotification.Ignore(envelope, $"EventBridge event '{type}' is not an object creation");
        }

        if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
        {
            return ParsedNotification.Malformed(envelope, "EventBridge 'Object Created' event without a 'detail' object.");
        }

        var bucket = detail.TryGetProperty("bucket", out var b) && b.ValueKind == JsonValueKind.Object ? StringOf(b, "name") : null;
        var obj = detail.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        var key = obj.ValueKind == JsonValueKind.Object ? StringOf(obj, "key") : null;
        long? size = obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : null;
        var etag = obj.ValueKind == JsonValueKind.Object ? StringOf(obj, "etag") : null;
        var reason = StringOf(detail, "reason");
        return ParsedNotification.Of(envelope, [new S3ObjectEvent(
            "ObjectCreated:" + EventNameOf(reason),
            bucket,
            key is null ? string.Empty : S3ObjectKeys.Decode(key),
            S3RecordEvents.Unquote(etag),
            size,
            StringOf(root, "time"))]);
    }

    // detail.reason → the S3 notification event name's suffix (docs: "Object Created" reasons).
    private static string EventNameOf(string? reason) => reason switch
    {
        "PutObject" or null or "" => "Put",
        "POST Object" => "Post",
        "CopyObject" => "Copy",
        _ => reason,
    };

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
