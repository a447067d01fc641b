namespace MixFleet.Ingestion.Jobs;

/// <summary>The body of <c>GET /v1/jobs</c>: jobs newest first, and the cursor of the next page (null: no more).</summary>
internal sealed record JobPage(IReadOnlyList<JobStatus> Jobs, string? NextCursor);
