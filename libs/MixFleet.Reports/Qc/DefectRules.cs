using System.Globalization;
using MixFleet.Reports.Albums;

namespace MixFleet.Reports.Qc;

/// <summary>
/// The profile's defect rules: one verdict per kind the profile names (<see cref="QcProfile.FailDefects"/>,
/// <see cref="QcProfile.WarnDefects"/>), rule <c>defect-KIND</c>: pass when the track has none, else fail or warn with the
/// count and the first place.
/// </summary>
public static class DefectRules
{
    /// <summary>The defect verdicts of a measured track (none when defects were not measured).</summary>
    public static IEnumerable<RuleVerdict> Evaluate(AlbumTrackInput track, QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(profile);
        if (track.DefectTotals is not { } totals)
        {
            yield break;
        }

        var fail = profile.FailDefects ?? [];
        var kinds = fail.Concat(profile.WarnDefects ?? []).Distinct(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var count = totals.TryGetValue(kind, out var n) ? n : 0;
            var rule = "defect-" + kind;
            if (count == 0)
            {
                yield return new RuleVerdict { Rule = rule, Status = VerdictStatus.Pass, Value = 0, Measured = "0", Threshold = "none", Reason = "none found" };
                continue;
            }

            var status = fail.Contains(kind, StringComparer.Ordinal) ? VerdictStatus.Fail : VerdictStatus.Warn;
            var first = track.Defects?.FirstOrDefault(d => d.Kind == kind);
            var where = first is null ? string.Empty : Invariant($", first at {Clock(first.AtSeconds)}{(first.Channel is { } c ? Invariant($" (channel {c})") : string.Empty)}: {first.Detail}");
            yield return new RuleVerdict
            {
                Rule = rule,
                Status = status,
                Value = count,
                Measured = count.ToString(CultureInfo.InvariantCulture),
                Threshold = "none",
                Reason = Invariant($"{count} × {kind}{where}"),
            };
        }
    }

    /// <summary>m:ss.fff.</summary>
    public static string Clock(double seconds) => Invariant($"{(int)(seconds / 60)}:{seconds % 60:00.000}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
