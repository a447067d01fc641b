namespace MixFleet.Jobs.Store;

/// <summary>Where a scan's listing stands.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Bucket">Source bucket.</param>
/// <param name="Prefix">The prefix listed.</param>
/// <param name="Listing">True while pages remain.</param>
/// <param name="Token">Continuation token of the next page (null: the first, or none left).</param>
/// <param name="PagesListed">Pages recorded so far.</param>
/// <param name="Profile">The job's QC profile.</param>
public sealed record ScanCursor(Guid JobId, string Bucket, string Prefix, bool Listing, string? Token, int PagesListed, string Profile);
