namespace MixFleet.Reports.Albums;

/// <summary>
/// A proposed gain for the profile's loudness target (docs/album-report.md, "Proposed fix"): what the level change
/// does to the peaks, and whether a limiter is needed to stay under the profile's ceiling.
/// </summary>
public sealed record GainFix
{
    /// <summary>The loudness aimed at: the profile's target, or the nearest edge of its range (the measured loudness inside it), LUFS.</summary>
    public required double TargetLufs { get; init; }

    /// <summary>Gain to apply, dB (positive = louder).</summary>
    public required double GainDb { get; init; }

    /// <summary>Integrated loudness after the gain, LUFS.</summary>
    public required double ResultingLufs { get; init; }

    /// <summary>Measured true peak plus the gain, dBTP; null when the true peak is unknown.</summary>
    public double? ResultingTruePeakDbtp { get; init; }

    /// <summary>The peak after the gain exceeds the profile's ceiling: reaching the target needs a limiter (or a lower target).</summary>
    public required bool NeedsLimiting { get; init; }
}
