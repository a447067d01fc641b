namespace MixFleet.Reports.Tracks;

/// <summary>Where one clipped run is.</summary>
public sealed record ClippedRunReport
{
    /// <summary>Channel, from 0.</summary>
    public int Channel { get; init; }

    /// <summary>Start, seconds.</summary>
    public double StartSeconds { get; init; }

    /// <summary>Length, samples.</summary>
    public long Samples { get; init; }
}
