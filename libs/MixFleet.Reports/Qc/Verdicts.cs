using System.Globalization;

namespace MixFleet.Reports.Qc;

/// <summary>Helpers to build and summarize verdicts.</summary>
public static class Verdicts
{
    /// <summary>The worst status of the verdicts (pass when there are none).</summary>
    public static VerdictStatus Worst(IEnumerable<RuleVerdict> verdicts) =>
        verdicts.Select(v => v.Status).DefaultIfEmpty(VerdictStatus.Pass).Max();

    /// <summary>A verdict.</summary>
    public static RuleVerdict Of(string rule, VerdictStatus status, double? value, string unit, string threshold, string reason) => new()
    {
        Rule = rule,
        Status = status,
        Value = value is { } v ? Math.Round(v, 2) : null,
        Measured = value is { } m ? Text(m, unit) : null,
        Threshold = threshold,
        Reason = reason,
    };

    /// <summary>A number with one decimal and its unit, invariant culture.</summary>
    public static string Text(double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.0}{(unit.Length > 0 ? " " + unit : string.Empty)}");
}
