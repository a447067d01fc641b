namespace MixFleet.Ingestion.Events;

/// <summary>One record: <c>eventName</c> (<c>ObjectCreated:Put</c>, MinIO <c>s3:ObjectCreated:Put</c>) and <c>s3</c>.</summary>
internal sealed record S3EventRecord
{
    public string? EventName { get; init; }

    /// <summary>ISO 8601, kept as text: a sender's odd format must not fail the whole body.</summary>
    public string? EventTime { get; init; }

    public S3Entity? S3 { get; init; }
}
