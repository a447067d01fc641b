namespace MixFleet.Ingestion.Events;

/// <summary>The 202 body of <c>POST /v1/events/s3</c>: decoded keys accepted as new work of the job (their AnalyzeTrack follows from the outbox), and what was ignored and why.</summary>
internal sealed record EventIngestResult(IReadOnlyList<string> Published, IReadOnlyList<IgnoredObject> Ignored);
