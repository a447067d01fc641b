namespace MixFleet.Jobs.Store;

/// <summary>A listed or announced object whose key the fleet refuses (<c>ObjectKeyRules</c>): a failed track, never analyzed.</summary>
/// <param name="Key">The key as listed.</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record InvalidObject(string Key, string Reason);
