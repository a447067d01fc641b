using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;

namespace MixFleet.Reports.Catalog;

/// <summary>The catalog of a run: one row per album and per track, worst first.</summary>
public static class CatalogBuilder
{
    /// <summary>Rows ordered by status (fail, warn, pass), then failed and warned rule counts, albums before tracks, then path.</summary>
    public static IReadOnlyList<CatalogRow> Build(IEnumerable<AlbumReport> albums)
    {
        ArgumentNullException.ThrowIfNull(albums);
        var rows = new List<CatalogRow>();
        foreach (var album in albums)
        {
            var all = album.Verdicts.Concat(album.Tracks.SelectMany(t => t.Verdicts)).ToList();
            rows.Add(new CatalogRow
            {
                Kind = "album",
                Album = album.Path,
                Path = album.Path,
                Number = string.Empty,
                Status = album.Status,
                Fails = all.Count(v => v.Status == VerdictStatus.Fail),
                Warns = all.Count(v => v.Status == VerdictStatus.Warn),
                IntegratedLufs = album.Loudness.IntegratedLufs,
                LoudnessRangeLu = album.Loudness.LoudnessRangeLu,
                TruePeakDbtp = album.Loudness.TruePeakDbtp,
                DurationSeconds = album.Sequencing.TotalSeconds,
                FixGainDb = album.Fix?.GainDb,
                FixTruePeakDbtp = album.Fix?.ResultingTruePeakDbtp,
                NeedsLimiting = album.Fix?.NeedsLimiting,
                Reasons = Reasons(album.Verdicts),
                Defects = Total(album.Tracks.Select(t => t.DefectTotals)),
                DefectKinds = Summary(album.Tracks.Select(t => t.DefectTotals)),
                CodecTruePeakDbtp = CodecTruePeak(album.Tracks),
                CodecOvers = CodecOvers(album.Tracks),
            });
            rows.AddRange(album.Tracks.Select(t => new CatalogRow
            {
                Kind = "track",
                Album = album.Path,
                Path = t.Path,
                Number = t.Label,
                Status = t.Status,
                Fails = t.Verdicts.Count(v => v.Status == VerdictStatus.Fail),
                Warns = t.Verdicts.Count(v => v.Status == VerdictStatus.Warn),
                IntegratedLufs = t.IntegratedLufs,
                LoudnessRangeLu = t.LoudnessRangeLu,
                TruePeakDbtp = t.TruePeakDbtp,
                DeviationLu = t.DeviationLu,
                DurationSeconds = t.DurationSeconds,
                FixGainDb = t.Fix?.GainDb,
                FixTruePeakDbtp = t.Fix?.ResultingTruePeakDbtp,
                NeedsLimiting = t.Fix?.NeedsLimiting,
                Reasons = Reasons(t.Verdicts),
                Defects = Total([t.DefectTotals]),
                DefectKinds = Summary([t.DefectTotals]),
                CodecTruePeakDbtp = CodecTruePeak([t]),
                CodecOvers = CodecOvers([t]),
            }));
        }

        return rows
            .OrderByDescending(r => r.Status)
            .ThenByDescending(r => r.Fails)
            .ThenByDescending(r => r.Warns)
            .ThenBy(r => r.Kind, StringComparer.Ordinal)
            .ThenBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static double? CodecTruePeak(IEnumerable<AlbumTrackReport> tracks) => tracks
        .SelectMany(t => t.CodecPreview ?? [])
        .Select(c => c.TruePeakDbtp)
        .Where(tp => tp is not null)
        .DefaultIfEmpty(null)
        .Max();

    private static long? CodecOvers(IEnumerable<AlbumTrackReport> tracks)
    {
        var entries = tracks.SelectMany(t => t.CodecPreview ?? []).Where(c => c.Overs is not null).ToList();
        return entries.Count == 0 ? null : entries.Sum(c => c.Overs!.Value);
    }

    private static long? Total(IEnumerable<IReadOnlyDictionary<string, long>?> totals)
    {
        var measured = totals.Where(t => t is not null).ToList();
        return measured.Count == 0 ? null : measured.Sum(t => t!.Values.Sum());
    }

    private static string Summary(IEnumerable<IReadOnlyDictionary<string, long>?> totals) => string.Join(' ', totals
        .Where(t => t is not null)
        .SelectMany(t => t!)
        .GroupBy(kv => kv.Key, StringComparer.Ordinal)
        .Select(g => (Kind: g.Key, Count: g.Sum(kv => kv.Value)))
        .Where(k => k.Count > 0)
        .OrderBy(k => Analysis.Defects.DefectKinds.All.ToList().IndexOf(k.Kind))
        .Select(k => $"{k.Kind}×{k.Count}"));

    private static string Reasons(IEnumerable<RuleVerdict> verdicts) => string.Join("; ", verdicts
        .Where(v => v.Status != VerdictStatus.Pass)
        .OrderByDescending(v => v.Status)
        .Select(v => $"{v.Rule}: {v.Reason}"));
}
