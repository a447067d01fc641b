namespace MixFleet.Cli.Fleet;

/// <summary>The body of <c>GET /v1/jobs</c>: jobs newest first and the cursor of the next page (null: no more).</summary>
internal sealed record FleetJobPage(IReadOnlyList<FleetJobStatus> Jobs, string? NextCursor);
