namespace MixFleet.Jobs.Store;

/// <summary>What settling a batch of analysis outcomes did.</summary>
/// <param name="TracksSettled">Job tracks that settled (one analysis can settle the tracks of several jobs).</param>
/// <param name="Claims">Album aggregations claimed: send one <c>AggregateAlbum</c> each.</param>
public sealed record SettlementOutcome(int TracksSettled, IReadOnlyList<AlbumClaim> Claims);
