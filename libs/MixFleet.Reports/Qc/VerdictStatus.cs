namespace MixFleet.Reports.Qc;

/// <summary>The outcome of one rule, in increasing severity.</summary>
public enum VerdictStatus
{
    /// <summary>Within the threshold.</summary>
    Pass,

    /// <summary>Worth a look; does not fail the gate.</summary>
    Warn,

    /// <summary>Outside the threshold; fails the gate (exit code 1).</summary>
    Fail,
}
