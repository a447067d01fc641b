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

    /// <summary>
    /// A defect of mixfleet itself: an exception no command handled. Not 1, which a QC gate reads as "a rule failed";
    /// 70 is EX_SOFTWARE of sysexits.h. The message and stack trace go to standard error.
    /// </summary>
    public const int InternalError = 70;

    /// <summary>Ctrl+C (SIGINT) stopped the command: 128 + 2, as a shell reports it.</summary>
    public const int Cancelled = 130;
}
