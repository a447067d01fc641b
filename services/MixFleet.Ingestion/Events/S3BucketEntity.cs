namespace MixFleet.Ingestion.Events;

/// <summary><c>s3.bucket</c>.</summary>
internal sealed record S3BucketEntity
{
    public string? Name { get; init; }
}
