namespace MixFleet.Storage;

/// <summary>The object does not exist (S3 404 / missing file). Not transient: never retried.</summary>
public sealed class ObjectNotFoundException(string bucket, string key, Exception? inner = null)
    : Exception($"Object s3://{bucket}/{key} does not exist.", inner)
{
    /// <summary>Bucket name.</summary>
    public string Bucket { get; } = bucket;

    /// <summary>Object key.</summary>
    public string Key { get; } = key;
}
