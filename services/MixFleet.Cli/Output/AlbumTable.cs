using System.Globalization;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;
using Spectre.Console;

namespace MixFleet.Cli.Output;

/// <summary>Per album: the summary line (loudness, LRA, peak, spread, gain, running time) and the verdicts that warn or fail.</summary>
internal static class AlbumTable
{
    public static Table Build(IReadOnlyList<AlbumReport> albums, string profile)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Albums — profile {Markup.Escape(profile)}")
            .AddColumn("Album / rule")
            .AddColumn("Status")
            .AddColumn("Measured")
            .AddColumn("Threshold")
            .AddColumn("Reason");
        foreach (var album in albums)
        {
            var l = album.Loudness;
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{Number(l.IntegratedLufs)} LUFS · LRA {Number(l.LoudnessRangeLu)} LU · TP {Number(l.TruePeakDbtp)} dBTP · spread {Number(l.SpreadLu)} LU · album gain {Number(l.AlbumGainDb)} dB · {album.Tracks.Count} tracks, {Clock(album.Sequencing.TotalSeconds)}{Fix(album.Fix)}");
            table.AddRow(new Markup($"[bold]{Markup.Escape(album.Name)}[/]"), Status(album.Status), new Markup(Markup.Escape(summary)), new Markup(string.Empty), new Markup(Markup.Escape(album.Path)));
            var shown = album.Verdicts.Select(v => (Where: "album", Verdict: v))
                .Concat(album.Tracks.SelectMany(t => t.Verdicts.Select(v => (Where: t.Label.Length > 0 ? t.Label : Path.GetFileName(t.Path), Verdict: v))))
                .ToList();
            foreach (var (where, v) in shown.Where(s => s.Verdict.Status != VerdictStatus.Pass).OrderByDescending(s => s.Verdict.Status))
            {
                table.AddRow(
                    new Markup($"  {Markup.Escape(where)}: {Markup.Escape(v.Rule)}"),
                    Status(v.Status),
                    new Markup(Markup.Escape(v.Measured ?? "—")),
                    new Markup(Markup.Escape(v.Threshold)),
                    new Markup(Markup.Escape(v.Reason)));
            }

            var passed = shown.Count(s => s.Verdict.Status == VerdictStatus.Pass);
            table.AddRow(new Markup($"  [grey]{passed} rule(s) passed[/]"), new Markup(string.Empty), new Markup(string.Empty), new Markup(string.Empty), new Markup(string.Empty));
        }

        return table;
    }

    // The proposed fix for the profile's target: one gain for the album (details in the fix table).
    private static string Fix(AlbumGainFix? fix) => fix is null
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $" · fix {fix.GainDb:+0.0;-0.0;0.0} dB ({fix.Mode}) → TP {Number(fix.ResultingTruePeakDbtp)} dBTP{(fix.NeedsLimiting ? ", needs limiting" : string.Empty)}");

    private static Markup Status(VerdictStatus status) => status switch
    {
        VerdictStatus.Fail => new Markup("[red]fail[/]"),
        VerdictStatus.Warn => new Markup("[yellow]warn[/]"),
        _ => new Markup("[green]pass[/]"),
    };

    private static string Number(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    private static string Clock(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{(int)(Math.Round(seconds) / 60)}:{(int)(Math.Round(seconds) % 60):00}");
}
