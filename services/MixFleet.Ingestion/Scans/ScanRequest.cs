namespace MixFleet.Ingestion.Scans;

/// <summary>Body of <c>POST /v1/scans</c>: the bucket, an optional key prefix and an optional QC profile name.</summary>
internal sealed record ScanRequest(string? Bucket, string? Prefix, string? Profile);
