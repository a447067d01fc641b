namespace MixFleet.Reports.Qc;

/// <summary>One rule applied to one track or album: the outcome, what was measured, the threshold and why.</summary>
public sealed record RuleVerdict
{
    /// <summary>Stable rule id, e.g. <c>true-peak</c>, <c>isrc-duplicate</c> (docs/album-report.md lists them).</summary>
    public required string Rule { get; init; }

    /// <summary>Pass, warn or fail.</summary>
    public required VerdictStatus Status { get; init; }

    /// <summary>The measured value as text with its unit, e.g. <c>-0.4 dBTP</c>; null when nothing could be measured.</summary>
    public string? Measured { get; init; }

    /// <summary>The measured number, when the rule measures one.</summary>
    public double? Value { get; init; }

    /// <summary>The threshold as text, e.g. <c>≤ -1.0 dBTP</c>.</summary>
    public required string Threshold { get; init; }

    /// <summary>One line saying why.</summary>
    public required string Reason { get; init; }
}
