namespace MixFleet.Jobs.Store;

/// <summary>The outcome of one analysis, as <c>TrackAnalyzed</c> or <c>TrackFailed</c> reports it.</summary>
/// <param name="Bucket">Source bucket.</param>
/// <param name="Key">Object key.</param>
/// <param name="RequestedETag">The ETag the command asked for (null: unknown); identifies the request it answers.</param>
/// <param name="Failed">True for a failure report.</param>
/// <param name="AnalyzedETag">The ETag of the content measured.</param>
/// <param name="AnalyzerVersion">Engine version of the report.</param>
/// <param name="ErrorCode">Error code of a failure report.</param>
public sealed record TrackSettlement(string Bucket, string Key, string? RequestedETag, bool Failed, string? AnalyzedETag, string? AnalyzerVersion, string? ErrorCode);
