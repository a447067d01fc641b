namespace MixFleet.Reports.Tracks;

/// <summary>Leading/trailing silence (below -60 dBFS) and dropouts (digital silence ≥ 10 ms inside the track).</summary>
public sealed record SilenceReport
{
    /// <summary>Leading silence, seconds.</summary>
    public double LeadingSeconds { get; init; }

    /// <summary>Trailing silence, seconds.</summary>
    public double TrailingSeconds { get; init; }

    /// <summary>Dropouts counted.</summary>
    public long Dropouts { get; init; }

    /// <summary>Longest dropout, seconds.</summary>
    public double LongestDropoutSeconds { get; init; }

    /// <summary>Starts of the first 100 dropouts, seconds.</summary>
    public required IReadOnlyList<double> DropoutStartsSeconds { get; init; }
}
