namespace MixFleet.Contracts.V1;

/// <summary>An object in a bucket, as an S3 event or a listing names it. Messages carry references, never audio.</summary>
public sealed record ObjectRef
{
    /// <summary>Bucket name.</summary>
    public required string Bucket { get; init; }

    /// <summary>Object key, decoded (not URL-encoded).</summary>
    public required string Key { get; init; }

    /// <summary>Entity tag without quotes, when known: with the key it identifies one version of the content.</summary>
    public string? ETag { get; init; }

    /// <summary>Size in bytes, when known.</summary>
    public long? Size { get; init; }

    /// <summary>Version id on versioned buckets.</summary>
    public string? VersionId { get; init; }
}
