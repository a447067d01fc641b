namespace MixFleet.Jobs.Store;

/// <summary>A settled track of an album, as its aggregation reads it.</summary>
/// <param name="Key">Object key.</param>
/// <param name="AnalyzedETag">The ETag its report was measured from.</param>
/// <param name="Failed">True when its report is a failure report.</param>
public sealed record AlbumTrack(string Key, string? AnalyzedETag, bool Failed);
