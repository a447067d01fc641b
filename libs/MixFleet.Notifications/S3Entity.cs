namespace MixFleet.Notifications;

/// <summary>The <c>s3</c> part of a record: bucket and object.</summary>
public sealed record S3Entity
{
    /// <summary><c>s3.bucket</c>.</summary>
    public S3BucketEntity? Bucket { get; init; }

    /// <summary><c>s3.object</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The JSON field is 'object'.")]
    public S3ObjectEntity? Object { get; init; }
}
