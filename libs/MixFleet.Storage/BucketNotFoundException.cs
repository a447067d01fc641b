namespace MixFleet.Storage;

/// <summary>The bucket does not exist (S3 <c>NoSuchBucket</c>). Not transient: never retried.</summary>
public sealed class BucketNotFoundException(string bucket, Exception? inner = null)
    : Exception($"The bucket '{bucket}' does not exist.", inner)
{
    /// <summary>Bucket name.</summary>
    public string Bucket { get; } = bucket;
}
