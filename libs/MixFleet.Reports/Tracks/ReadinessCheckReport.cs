namespace MixFleet.Reports.Tracks;

/// <summary>One pre-mastering check.</summary>
public sealed record ReadinessCheckReport
{
    /// <summary><c>peaks</c>, <c>mixLevel</c>, <c>notLimited</c>, <c>stereo</c> or <c>lowEnd</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The measured value.</summary>
    public double? Measured { get; init; }

    /// <summary>Unit of value and window.</summary>
    public required string Unit { get; init; }

    /// <summary>Lowest acceptable value; null when unbounded.</summary>
    public double? WindowLow { get; init; }

    /// <summary>Highest acceptable value; null when unbounded.</summary>
    public double? WindowHigh { get; init; }

    /// <summary>In the window; null when not judged.</summary>
    public bool? Pass { get; init; }

    /// <summary>One line for the producer.</summary>
    public required string Reason { get; init; }
}
