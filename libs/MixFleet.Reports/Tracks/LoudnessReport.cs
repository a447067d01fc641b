namespace MixFleet.Reports.Tracks;

/// <summary>BS.1770-4 / EBU R128 loudness. A value that is undefined (silence, too short) is null.</summary>
public sealed record LoudnessReport
{
    /// <summary>Gated integrated loudness, LUFS.</summary>
    public double? IntegratedLufs { get; init; }

    /// <summary>Loudness range (EBU Tech 3342), LU.</summary>
    public double? LoudnessRangeLu { get; init; }

    /// <summary>Maximum momentary (400 ms) loudness, LUFS.</summary>
    public double? MomentaryMaxLufs { get; init; }

    /// <summary>Maximum short-term (3 s) loudness, LUFS.</summary>
    public double? ShortTermMaxLufs { get; init; }

    /// <summary>True when a mono file was measured as dual-mono (+3 dB).</summary>
    public bool DualMono { get; init; }
}
