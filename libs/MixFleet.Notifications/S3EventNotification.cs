namespace MixFleet.Notifications;

/// <summary>
/// The body AWS S3 and MinIO post for bucket notifications: <c>Records[]</c>, or (when a notification is set up)
/// an <c>s3:TestEvent</c> with <c>Event</c> and <c>Bucket</c> and no records. Only the fields used are bound.
/// </summary>
public sealed record S3EventNotification
{
    /// <summary>The records; null when the body has none (a test event).</summary>
    public IReadOnlyList<S3EventRecord>? Records { get; init; }

    /// <summary><c>s3:TestEvent</c> on the test message; absent otherwise.</summary>
    public string? Event { get; init; }

    /// <summary>The bucket of the test message.</summary>
    public string? Bucket { get; init; }
}
