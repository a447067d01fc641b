namespace MixFleet.Notifications;

/// <summary>One record: <c>eventName</c> (<c>ObjectCreated:Put</c>, MinIO <c>s3:ObjectCreated:Put</c>) and <c>s3</c>.</summary>
public sealed record S3EventRecord
{
    /// <summary><c>ObjectCreated:Put</c>, <c>s3:ObjectCreated:Put</c> (MinIO), <c>ObjectRemoved:Delete</c>, …</summary>
    public string? EventName { get; init; }

    /// <summary>ISO 8601, kept as text: a sender's odd format must not fail the whole body.</summary>
    public string? EventTime { get; init; }

    /// <summary>Bucket and object.</summary>
    public S3Entity? S3 { get; init; }
}
