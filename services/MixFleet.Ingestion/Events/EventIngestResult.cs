namespace MixFleet.Ingestion.Events;

/// <summary>The 202 body of <c>POST /v1/events/s3</c>: decoded keys published, and what was ignored and why.</summary>
internal sealed record EventIngestResult(IReadOnlyList<string> Published, IReadOnlyList<IgnoredObject> Ignored);
