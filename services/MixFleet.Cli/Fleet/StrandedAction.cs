namespace MixFleet.Cli.Fleet;

/// <summary>What to do with a job's stranded tracks: the two <c>POST /v1/jobs/{id}/…</c> actions.</summary>
internal enum StrandedAction
{
    /// <summary><c>POST /v1/jobs/{id}/redrive</c>: send them again.</summary>
    Redrive,

    /// <summary><c>POST /v1/jobs/{id}/give-up</c>: record them as failed.</summary>
    GiveUp,
}
