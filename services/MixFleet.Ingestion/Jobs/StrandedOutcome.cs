namespace MixFleet.Ingestion.Jobs;

/// <summary>The body of a redrive or give-up: the job and how many of its stranded tracks were sent again or given up.</summary>
internal sealed record StrandedOutcome(Guid JobId, int Redriven, int GaveUp);
