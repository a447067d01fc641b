namespace MixFleet.Notifications;

/// <summary><c>s3.object</c>. The key is URL-encoded form-style (space is <c>+</c>).</summary>
public sealed record S3ObjectEntity
{
    /// <summary>The key, URL-encoded form-style.</summary>
    public string? Key { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>The entity tag, with or without quotes.</summary>
    public string? ETag { get; init; }

    /// <summary>The object version in a versioned bucket.</summary>
    public string? VersionId { get; init; }

    /// <summary>Orders events of one key; hex, compared as strings of equal length.</summary>
    public string? Sequencer { get; init; }
}
