namespace MixFleet.Notifications;

/// <summary>What a message turned out to be.</summary>
public enum NotificationOutcome
{
    /// <summary>Object events (possibly none: an empty <c>Records</c> array); the caller decides which become work.</summary>
    ObjectEvents,

    /// <summary>The <c>s3:TestEvent</c> S3 sends when a notification is configured: acknowledge it and do nothing.</summary>
    TestEvent,

    /// <summary>A well-formed message that carries no S3 object event (an SNS subscription confirmation, an EventBridge event of another type): acknowledge it and do nothing.</summary>
    Ignored,

    /// <summary>Not a notification the fleet can read (not JSON, no known envelope, a null record): never acknowledge it as done.</summary>
    Malformed,
}
