using System.Text.Json;

namespace MixFleet.Notifications;

/// <summary>
/// Reads one message body that carries S3 object events, in any of the envelopes AWS delivers them in: the S3
/// notification itself (<c>Records</c> or <c>s3:TestEvent</c>; also SNS with raw message delivery), an SNS
/// <c>Notification</c> whose <c>Message</c> string holds it (or an EventBridge event), or an EventBridge event.
/// </summary>
public static class S3Notifications
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The message's events, test event, or why it is ignored or malformed; never throws on bad input.</summary>
    public static ParsedNotification Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (IsSns(root, out var type))
            {
                return ReadSns(root, type);
            }

            return Read(root, NotificationEnvelope.S3);
        }
        catch (JsonException ex)
        {
            return ParsedNotification.Malformed(NotificationEnvelope.S3, "Not JSON: " + ex.Message);
        }
    }

    private static ParsedNotification ReadSns(JsonElement root, string type)
    {
        if (!string.Equals(type, "Notification", StringComparison.Ordinal))
        {
            return ParsedNotification.Ignore(NotificationEnvelope.Sns, $"SNS message of type '{type}' carries no S3 event");
        }

        if (!root.TryGetProperty("Message", out var message) || message.ValueKind != JsonValueKind.String)
        {
            return ParsedNotification.Malformed(NotificationEnvelope.Sns, "SNS Notification without a 'Message' string.");
        }

        try
        {
            using var inner = JsonDocument.Parse(message.GetString()!);
            return Read(inner.RootElement, NotificationEnvelope.Sns);
        }
        catch (JsonException ex)
        {
            return ParsedNotification.Malformed(NotificationEnvelope.Sns, "SNS 'Message' is not JSON: " + ex.Message);
        }
    }

    // The envelope's payload: an EventBridge event or the S3 notification JSON.
    private static ParsedNotification Read(JsonElement root, NotificationEnvelope envelope)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParsedNotification.Malformed(envelope, $"A JSON object was expected, not {root.ValueKind}.");
        }

        if (EventBridgeEvents.IsEventBridge(root))
        {
            return EventBridgeEvents.Read(root, envelope == NotificationEnvelope.S3 ? NotificationEnvelope.EventBridge : envelope);
        }

        S3EventNotification? notification;
        try
        {
            notification = root.Deserialize<S3EventNotification>(Options);
        }
        catch (JsonException ex)
        {
            return ParsedNotification.Malformed(envelope, "Not an S3 event notification: " + ex.Message);
        }

        return S3RecordEvents.Read(notification!, envelope);
    }

    private static bool IsSns(JsonElement root, out string type)
    {
        type = string.Empty;
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("Type", out var t) && t.ValueKind == JsonValueKind.String
            && root.TryGetProperty("TopicArn", out _))
        {
            type = t.GetString()!;
            return true;
        }

        return false;
    }
}
