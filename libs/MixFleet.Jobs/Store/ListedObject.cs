namespace MixFleet.Jobs.Store;

/// <summary>An audio object to analyze for a job, as a listing or an event names it.</summary>
/// <param name="Key">Object key (decoded, valid by <c>ObjectKeyRules</c>).</param>
/// <param name="ETag">Entity tag without quotes; null when unknown.</param>
/// <param name="Size">Size in bytes, when known.</param>
public sealed record ListedObject(string Key, string? ETag, long? Size);
