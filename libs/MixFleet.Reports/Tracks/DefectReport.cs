namespace MixFleet.Reports.Tracks;

/// <summary>One defect at a known place (docs/track-metrics.md, "Defects").</summary>
public sealed record DefectReport
{
    /// <summary><c>click</c>, <c>dropout</c>, <c>abrupt-start</c>, <c>abrupt-end</c>, <c>dual-mono</c>, <c>polarity</c>, <c>dc-offset</c>, <c>intersample-over</c> or <c>clipping</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Where it starts, seconds (to 1 ms; within 10 ms of the event).</summary>
    public required double AtSeconds { get; init; }

    /// <summary>How long it lasts, seconds (to 0.1 ms; the whole track for dual-mono, polarity and DC offset).</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Channel from 0; null when it concerns every channel.</summary>
    public int? Channel { get; init; }

    /// <summary>What was measured, for a person.</summary>
    public required string Detail { get; init; }
}
