namespace MixFleet.Ingestion.Events;

/// <summary>The <c>s3</c> part of a record: bucket and object.</summary>
internal sealed record S3Entity
{
    public S3BucketEntity? Bucket { get; init; }

    public S3ObjectEntity? Object { get; init; }
}
