namespace MixFleet.Contracts.V1;

/// <summary>
/// Command: every track of the job's album has settled; build the album report from the stored track reports. Sent
/// once per claim (a crash may send it again, never once per track).
/// </summary>
public sealed record AggregateAlbum
{
    /// <summary>The job.</summary>
    public required Guid JobId { get; init; }

    /// <summary>Source bucket of the audio.</summary>
    public required string Bucket { get; init; }

    /// <summary>The album prefix: empty or ending with '/'.</summary>
    public required string AlbumKey { get; init; }

    /// <summary>QC profile name.</summary>
    public required string Profile { get; init; }
}
