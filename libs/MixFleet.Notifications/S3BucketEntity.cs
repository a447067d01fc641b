namespace MixFleet.Notifications;

/// <summary><c>s3.bucket</c>.</summary>
public sealed record S3BucketEntity
{
    /// <summary>The bucket's name.</summary>
    public string? Name { get; init; }
}
