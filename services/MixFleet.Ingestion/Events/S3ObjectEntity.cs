namespace MixFleet.Ingestion.Events;

/// <summary><c>s3.object</c>. The key is URL-encoded form-style (space is <c>+</c>).</summary>
internal sealed record S3ObjectEntity
{
    public string? Key { get; init; }

    public long? Size { get; init; }

    public string? ETag { get; init; }

    public string? VersionId { get; init; }

    /// <summary>Orders events of one key; hex, compared as strings of equal length.</summary>
    public string? Sequencer { get; init; }
}
