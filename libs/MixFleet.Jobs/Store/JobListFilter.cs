namespace MixFleet.Jobs.Store;

/// <summary>What the dashboard's job list keeps.</summary>
/// <param name="State"><c>listing</c>, <c>running</c> or <c>completed</c>; null for all.</param>
/// <param name="Profile">A QC profile name; null for all.</param>
/// <param name="Prefix">Only jobs whose scanned prefix starts with this; null or empty for all.</param>
public sealed record JobListFilter(string? State = null, string? Profile = null, string? Prefix = null);
