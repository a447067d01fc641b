using System.Globalization;
using MixFleet.Reports.Qc;

namespace MixFleet.Reports.Albums;

/// <summary>
/// Puts an album's tracks in order: by disc, then side, then number (from tags, else file names); unnumbered
/// tracks last, by path. Flags duplicated numbers (fail), holes (warn) and unnumbered tracks (warn).
/// </summary>
public static class AlbumOrdering
{
    /// <summary>The tracks in album order with their positions, and the numbering verdicts.</summary>
    public static (IReadOnlyList<(AlbumTrackInput Track, TrackPosition Position)> Ordered, IReadOnlyList<RuleVerdict> Verdicts) Order(IEnumerable<AlbumTrackInput> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var placed = tracks
            .Select(t => (Track: t, Position: TrackNumbering.Parse(t.Tags?.TrackNumber, t.Path)))
            .OrderBy(p => p.Position.Number is null)
            .ThenBy(p => p.Position.Disc ?? 1)
            .ThenBy(p => p.Position.Side ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(p => p.Position.Number)
            .ThenBy(p => p.Track.Path, StringComparer.Ordinal)
            .ToList();

        var verdicts = new List<RuleVerdict>();
        var numbered = placed.Where(p => p.Position.Number is not null).ToList();
        var duplicates = numbered.GroupBy(p => p.Position.Label).Where(g => g.Count() > 1).ToList();
        verdicts.Add(duplicates.Count == 0
            ? Verdict("numbering-duplicate", VerdictStatus.Pass, "none", "no number used twice")
            : Verdict("numbering-duplicate", VerdictStatus.Fail, string.Join(", ", duplicates.Select(g => $"{g.Key} ×{g.Count()}")), $"track number(s) {string.Join(", ", duplicates.Select(g => g.Key))} used more than once"));

        // Holes: per disc or side, every number from 1 to the highest should be there.
        var holes = numbered
            .GroupBy(p => (p.Position.Disc, p.Position.Side))
            .SelectMany(g =>
            {
                var present = g.Select(p => p.Position.Number!.Value).ToHashSet();
                return Enumerable.Range(1, present.Max()).Where(n => !present.Contains(n)).Select(n => (g.First().Position with { Number = n }).Label);
            })
            .ToList();
        verdicts.Add(holes.Count == 0
            ? Verdict("numbering-hole", VerdictStatus.Pass, "none", "numbers run from 1 without a gap")
            : Verdict("numbering-hole", VerdictStatus.Warn, string.Join(", ", holes), $"missing track number(s) {string.Join(", ", holes)}"));

        var unnumbered = placed.Count - numbered.Count;
        verdicts.Add(unnumbered == 0
            ? Verdict("numbering-missing", VerdictStatus.Pass, "0", "every track has a number (tag or file name)")
            : Verdict("numbering-missing", VerdictStatus.Warn, unnumbered.ToString(CultureInfo.InvariantCulture), $"{unnumbered} track(s) without a number in tags or file name; placed last by name"));
        return (placed, verdicts);
    }

    private static RuleVerdict Verdict(string rule, VerdictStatus status, string measured, string reason) =>
        new() { Rule = rule, Status = status, Measured = measured, Threshold = rule == "numbering-duplicate" ? "no duplicates" : rule == "numbering-hole" ? "no holes" : "all numbered", Reason = reason };
}
