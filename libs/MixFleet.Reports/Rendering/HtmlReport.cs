using System.Globalization;
using System.Net;
using System.Text;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;

namespace MixFleet.Reports.Rendering;

/// <summary>
/// The self-contained HTML report: one file, inline CSS and SVG, no script and no network. Per album: overview
/// (loudness bars against the target, true-peak markers), loudness over time and spectrum per track, every verdict;
/// then the catalog, worst first.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d232a;background:#fff}
        h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccd}h3{font-size:15px;margin:18px 0 4px}
        table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 8px;border-bottom:1px solid #e3e6ea;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .pass{color:#1a7f37}.warn{color:#9a6700}.fail{color:#cf222e;font-weight:600}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px}
        .badge.pass{background:#1a7f37;color:#fff}.badge.warn{background:#bf8700;color:#fff}.badge.fail{background:#cf222e;color:#fff}
        svg.plot{display:block;max-width:100%;height:auto;background:#fafbfc;border:1px solid #e3e6ea;margin:6px 0}
        .grid{stroke:#e3e6ea}.tick{font-size:10px;fill:#57606a}.empty{font-size:12px;fill:#8c959f}
        .bar{fill:#54aeff}.bar-warn{fill:#d4a72c}.bar-fail{fill:#ff8182}.band{fill:#8250df}
        .tp-marker{fill:#cf222e}.target-line{stroke:#1a7f37;stroke-width:2;stroke-dasharray:6 4}.album-line{stroke:#0969da;stroke-width:1.5}
        .target-line-label{font-size:10px;fill:#1a7f37}.album-line-label{font-size:10px;fill:#0969da}
        .series{fill:none;stroke:#0969da;stroke-width:1.5}
        .defect-marker{stroke:#cf222e;stroke-width:1.5;stroke-opacity:.8}.defect-intersample-over,.defect-clipping{stroke:#bf8700}
        details{margin:4px 0}
        """;

    /// <summary>The HTML document of a run.</summary>
    public static string Render(AnalysisReport report, QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(profile);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>MixFleet report</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>").Append(Style).Append("</style></head><body>");
        html.Append(Invariant($"<h1>MixFleet report</h1><p>Profile <b>{E(profile.Name ?? "custom")}</b>: {E(profile.Description ?? string.Empty)} · analyzer {E(report.AnalyzerVersion)} · {report.Tracks.Count} file(s), {report.Albums.Count} album(s)</p>"));
        foreach (var album in report.Albums)
        {
            Album(html, album, profile);
        }

        Catalog(html, report);
        return html.Append("</body></html>").ToString();
    }

    private static void Album(StringBuilder html, AlbumReport album, QcProfile profile)
    {
        var l = album.Loudness;
        html.Append(Invariant($"<section class=\"album\"><h2>{E(album.Name)} {Badge(album.Status)}</h2><p>{E(album.Path)}</p>"));
        html.Append("<table class=\"summary\"><tr><th>Album loudness</th><th>LRA</th><th>True peak</th><th>Sample peak</th><th>Spread</th><th>Album gain (RG 2.0)</th><th>Album peak</th><th>Running time</th></tr>")
            .Append(Invariant($"<tr><td class=\"n\">{N(l.IntegratedLufs, "LUFS")}</td><td class=\"n\">{N(l.LoudnessRangeLu, "LU")}</td><td class=\"n\">{N(l.TruePeakDbtp, "dBTP")}</td><td class=\"n\">{N(l.SamplePeakDbfs, "dBFS")}</td><td class=\"n\">{N(l.SpreadLu, "LU")}</td><td class=\"n\">{N(l.AlbumGainDb, "dB")}</td><td class=\"n\">{(l.AlbumPeak is { } p ? p.ToString("0.000000", CultureInfo.InvariantCulture) : "—")}</td><td class=\"n\">{Clock(album.Sequencing.TotalSeconds)}</td></tr></table>"));
        html.Append(FixSummary(album.Fix));
        html.Append(SvgPlots.AlbumOverview(album, profile.TargetLineLufs));

        html.Append("<h3>Tracks and headroom</h3><table class=\"tracks\"><tr><th>#</th><th>Track</th><th>Duration</th><th>Integrated</th><th>Δ album</th><th>LRA</th><th>True peak</th><th>Sample peak</th>")
            .Append(Invariant($"<th>Headroom to {profile.PeakCeilingDb:0.0} dB</th><th>Fix (track)</th><th>Fix (album gain)</th><th>Status</th></tr>"));
        foreach (var t in album.Tracks)
        {
            html.Append(Invariant($"<tr><td>{E(t.Label)}</td><td>{E(t.Title ?? Path.GetFileName(t.Path))}</td><td class=\"n\">{(t.DurationSeconds is { } d ? Clock(d) : "—")}</td><td class=\"n\">{N(t.IntegratedLufs, "LUFS")}</td><td class=\"n\">{N(t.DeviationLu, "LU")}</td><td class=\"n\">{N(t.LoudnessRangeLu, "LU")}</td><td class=\"n\">{N(t.TruePeakDbtp, "dBTP")}</td><td class=\"n\">{N(t.SamplePeakDbfs, "dBFS")}</td><td class=\"n\">{N(t.HeadroomDb, "dB")}</td><td class=\"n fix\">{Fix(t.Fix)}</td><td class=\"n fix\">{Fix(t.AlbumFix)}</td><td>{Badge(t.Status)}</td></tr>"));
        }

        html.Append("</table>");
        if (album.Sequencing.Transitions.Count > 0)
        {
            html.Append("<h3>Sequencing</h3><table class=\"transitions\"><tr><th>Join</th><th>Last 3 s</th><th>First 3 s</th><th>Edge jump</th><th>Fade-out</th><th>Body out</th><th>Fade-in</th><th>Body in</th><th>Body jump</th><th>Gap</th></tr>");
            foreach (var j in album.Sequencing.Transitions)
            {
                html.Append(Invariant($"<tr><td>{E(j.From)} → {E(j.To)}</td><td class=\"n\">{N(j.FromLastLufs, "LUFS")}</td><td class=\"n\">{N(j.ToFirstLufs, "LUFS")}</td><td class=\"n\">{N(j.JumpLu, "LU")}</td>"))
                    .Append(Invariant($"<td class=\"n\">{N(j.FromFadeOutSeconds, "s")}</td><td class=\"n\">{N(j.FromBodyLufs, "LUFS")}</td><td class=\"n\">{N(j.ToFadeInSeconds, "s")}</td><td class=\"n\">{N(j.ToBodyLufs, "LUFS")}</td><td class=\"n\">{N(j.BodyJumpLu, "LU")}</td>"))
                    .Append(Invariant($"<td class=\"n\">{(j.GapSeconds is { } g ? Invariant($"{g:0.0} s") : "not measured")}</td></tr>"));
            }

            html.Append("</table>");
        }

        html.Append("<h3>Album verdicts</h3>");
        VerdictTable(html, album.Verdicts);
        foreach (var t in album.Tracks)
        {
            html.Append(Invariant($"<details class=\"track\"{(t.Status == VerdictStatus.Pass ? string.Empty : " open")}><summary>{E(t.Label)} {E(t.Title ?? Path.GetFileName(t.Path))} {Badge(t.Status)}</summary>"));
            html.Append("<p>Loudness over time (short-term, 3 s)</p>").Append(SvgPlots.LoudnessOverTime(t, profile.TargetLineLufs));
            html.Append("<p>Spectrum</p>").Append(SvgPlots.Spectrum(t));
            DefectTable(html, t);
            CodecPreviewTable(html, t);
            VerdictTable(html, t.Verdicts);
            html.Append("</details>");
        }

        html.Append("</section>");
    }

    private static string FixSummary(AlbumGainFix? fix) => fix is null
        ? "<p class=\"fix\">Proposed fix: no loudness target in this profile.</p>"
        : Invariant($"<p class=\"fix\">Proposed fix ({E(fix.Mode)} mode, one gain for every track): <b>{Signed(fix.GainDb)} dB</b>, {fix.ReferenceLufs:0.0} → {fix.TargetLufs:0.0} LUFS; true peak after {N(fix.ResultingTruePeakDbtp, "dBTP")}; ")
          + (fix.NeedsLimiting ? Invariant($"<span class=\"warn\">needs limiting on {fix.TracksNeedingLimiting} track(s)</span></p>") : "<span class=\"pass\">no limiting needed</span></p>");

    private static string Fix(GainFix? fix) => fix is null
        ? "—"
        : Invariant($"{Signed(fix.GainDb)} dB → {N(fix.ResultingTruePeakDbtp, "dBTP")}") + (fix.NeedsLimiting ? " <span class=\"warn\">limit</span>" : string.Empty);

    private static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static void DefectTable(StringBuilder html, AlbumTrackReport track)
    {
        if (track.DefectTotals is null)
        {
            return;
        }

        if (track.Defects.Count == 0)
        {
            html.Append("<p class=\"defects none\">Defects: none found.</p>");
            return;
        }

        var totals = string.Join(", ", track.DefectTotals.Where(kv => kv.Value > 0).Select(kv => Invariant($"{kv.Key} × {kv.Value}")));
        html.Append(Invariant($"<p>Defects: {E(totals)}</p><table class=\"defects\"><tr><th>Kind</th><th>At</th><th>Duration</th><th>Channel</th><th>Detail</th></tr>"));
        foreach (var d in track.Defects)
        {
            html.Append(Invariant($"<tr><td>{E(d.Kind)}</td><td class=\"n\">{DefectRules.Clock(d.AtSeconds)}</td><td class=\"n\">{d.DurationSeconds * 1000:0.0} ms</td><td>{(d.Channel is { } c ? c.ToString(CultureInfo.InvariantCulture) : "all")}</td><td>{E(d.Detail)}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static void CodecPreviewTable(StringBuilder html, AlbumTrackReport track)
    {
        if (track.CodecPreview is not { } preview)
        {
            return;
        }

        html.Append(Invariant($"<p>Codec preview (encoded and decoded again; source true peak {N(track.TruePeakDbtp, "dBTP")})</p>"))
            .Append("<table class=\"codec-preview\"><tr><th>Codec</th><th>Bitrate</th><th>Sample rate</th><th>True peak</th><th>Rise</th><th>Sample peak</th><th>Overs</th></tr>");
        foreach (var c in preview)
        {
            html.Append(Invariant($"<tr><td>{E(c.Codec)} ({E(c.Encoder)})</td><td class=\"n\">{c.BitrateKbps} kb/s</td>"));
            html.Append(c.Error is { } error
                ? $"<td colspan=\"5\" class=\"warn\">{E(error.Code)}: {E(error.Message)}</td></tr>"
                : Invariant($"<td class=\"n\">{c.SampleRate} Hz</td><td class=\"n {(c.TruePeakDbtp > 0 ? "fail" : string.Empty)}\">{N(c.TruePeakDbtp, "dBTP")}</td><td class=\"n\">{(c.TruePeakRiseDb is { } r ? Signed(r) + " dB" : "—")}</td><td class=\"n\">{N(c.SamplePeakDbfs, "dBFS")}</td><td class=\"n\">{c.Overs} over {N(c.OverCeilingDbtp, "dBTP")}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static void VerdictTable(StringBuilder html, IReadOnlyList<RuleVerdict> verdicts)
    {
        html.Append("<table class=\"verdicts\"><tr><th>Status</th><th>Rule</th><th>Measured</th><th>Threshold</th><th>Reason</th></tr>");
        foreach (var v in verdicts.OrderByDescending(v => v.Status))
        {
            html.Append(Invariant($"<tr class=\"verdict {Word(v.Status)}\"><td class=\"{Word(v.Status)}\">{Word(v.Status)}</td><td>{E(v.Rule)}</td><td>{E(v.Measured ?? "—")}</td><td>{E(v.Threshold)}</td><td>{E(v.Reason)}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static void Catalog(StringBuilder html, AnalysisReport report)
    {
        html.Append("<h2>Catalog (worst first)</h2><table class=\"catalog\"><tr><th>Status</th><th>Kind</th><th>Path</th><th>#</th><th>Integrated</th><th>True peak</th><th>Fails</th><th>Warns</th><th>Reasons</th><th>Defects</th></tr>");
        foreach (var r in report.Catalog)
        {
            html.Append(Invariant($"<tr><td>{Badge(r.Status)}</td><td>{E(r.Kind)}</td><td>{E(r.Path)}</td><td>{E(r.Number)}</td><td class=\"n\">{N(r.IntegratedLufs, "LUFS")}</td><td class=\"n\">{N(r.TruePeakDbtp, "dBTP")}</td><td class=\"n\">{r.Fails}</td><td class=\"n\">{r.Warns}</td><td>{E(r.Reasons)}</td><td>{E(r.DefectKinds)}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static string Badge(VerdictStatus status) => $"<span class=\"badge {Word(status)}\">{Word(status)}</span>";

    private static string Word(VerdictStatus status) => status.ToString().ToLowerInvariant();

    private static string N(double? value, string unit) => value is { } v ? Invariant($"{v:0.0} {unit}") : "—";

    private static string Clock(double seconds) => Invariant($"{(int)(Math.Round(seconds) / 60)}:{(int)(Math.Round(seconds) % 60):00}");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
