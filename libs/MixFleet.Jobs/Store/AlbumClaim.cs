namespace MixFleet.Jobs.Store;

/// <summary>An album whose aggregation was claimed: every track settled and no more can join.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Bucket">Source bucket.</param>
/// <param name="AlbumKey">The album prefix.</param>
/// <param name="Profile">The job's QC profile.</param>
public sealed record AlbumClaim(Guid JobId, string Bucket, string AlbumKey, string Profile);
