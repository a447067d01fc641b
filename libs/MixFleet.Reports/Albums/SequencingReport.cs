namespace MixFleet.Reports.Albums;

/// <summary>Running time, track count against the CD limits, and the joins between tracks.</summary>
public sealed record SequencingReport
{
    /// <summary>Red Book: at most 79:57 of programme.</summary>
    public const double CdMaxSeconds = (79 * 60) + 57;

    /// <summary>Red Book: at most 99 tracks.</summary>
    public const int CdMaxTracks = 99;

    /// <summary>Red Book: every track at least 4 s.</summary>
    public const double CdMinTrackSeconds = 4.0;

    /// <summary>Red Book: the 2 s pause before the first track.</summary>
    public const double CdPregapSeconds = 2.0;

    /// <summary>Number of tracks.</summary>
    public required int TrackCount { get; init; }

    /// <summary>Sum of the track durations, seconds.</summary>
    public required double TotalSeconds { get; init; }

    /// <summary>Running time on a CD: the total plus the 2 s pause before track 1, seconds.</summary>
    public required double CdRunningTimeSeconds { get; init; }

    /// <summary>The joins, in album order.</summary>
    public required IReadOnlyList<TransitionReport> Transitions { get; init; }
}
