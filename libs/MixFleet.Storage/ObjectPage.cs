namespace MixFleet.Storage;

/// <summary>One page of a listing, in key order (UTF-8 binary order, as S3 lists).</summary>
/// <param name="Objects">The objects of the page.</param>
/// <param name="NextToken">Where the next page starts; null when this page is the last.</param>
public sealed record ObjectPage(IReadOnlyList<ObjectInfo> Objects, string? NextToken);
