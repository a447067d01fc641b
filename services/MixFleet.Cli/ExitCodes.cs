namespace MixFleet.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Every file was analyzed.</summary>
    public const int Success = 0;

    /// <summary>Every file was analyzed and at least one QC rule failed (the gate).</summary>
    public const int QcFailed = 1;

    /// <summary>The command line is wrong (unknown option, missing path, nothing to analyze).</summary>
    public const int UsageError = 2;

    /// <summary>
    /// The run finished, but some files could not be analyzed; their reports carry the error. Takes precedence over
    /// <see cref="QcFailed"/>: the QC is incomplete, so fix the inputs first (an unreadable file is a failed rule too).
    /// </summary>
    public const int SomeFilesFailed = 3;

    /// <summary>
    /// The ingestion service could not be reached or answered an error (rejected token, bad request, unknown job, 5xx):
    /// nothing is known about the fleet's work, so this is neither a QC result nor a usage error.
    /// </summary>
    public const int IngestionUnavailable = 4;
}
