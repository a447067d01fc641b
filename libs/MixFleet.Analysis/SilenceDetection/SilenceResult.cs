namespace MixFleet.Analysis.SilenceDetection;

/// <summary>Leading and trailing silence and internal dropouts of a track.</summary>
public sealed record SilenceResult
{
    /// <summary>Seconds before the first frame above <see cref="SilenceMetric.ThresholdDbfs"/> (the whole track when none is).</summary>
    public required double LeadingSeconds { get; init; }

    /// <summary>Seconds after the last frame above the threshold (the whole track when none is).</summary>
    public required double TrailingSeconds { get; init; }

    /// <summary>Runs of digital silence of at least <see cref="SilenceMetric.MinDropoutSeconds"/> between the leading and trailing silence.</summary>
    public required long Dropouts { get; init; }

    /// <summary>Longest dropout in seconds (0 when none).</summary>
    public required double LongestDropoutSeconds { get; init; }

    /// <summary>Start of the first <see cref="SilenceMetric.MaxPositions"/> dropouts, in seconds.</summary>
    public required IReadOnlyList<double> DropoutStartsSeconds { get; init; }

    /// <summary>Length of each dropout of <see cref="DropoutStartsSeconds"/>, in seconds.</summary>
    public IReadOnlyList<double> DropoutDurationsSeconds { get; init; } = [];
}
