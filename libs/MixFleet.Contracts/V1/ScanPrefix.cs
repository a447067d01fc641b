namespace MixFleet.Contracts.V1;

/// <summary>
/// Command: list the next page of a scan job's prefix from its checkpoint, record the page's tracks, and send this
/// command again while pages remain. Idempotent: a duplicate lists whatever page is next, or nothing once the listing
/// is done.
/// </summary>
public sealed record ScanPrefix
{
    /// <summary>The scan job.</summary>
    public required Guid JobId { get; init; }
}
