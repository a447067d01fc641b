namespace MixFleet.Ingestion.Scans;

/// <summary>The 202 body of <c>POST /v1/scans</c>.</summary>
internal sealed record ScanAccepted(Guid JobId);
