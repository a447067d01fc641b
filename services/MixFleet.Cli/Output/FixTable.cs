using System.Globalization;
using MixFleet.Reports.Albums;
using Spectre.Console;

namespace MixFleet.Cli.Output;

/// <summary>The proposed fix per album (one gain) and per track (own gain, and under the album gain), for the profile's target.</summary>
internal static class FixTable
{
    /// <summary>The table, or null when no album has a fix (the profile has no loudness target).</summary>
    public static Table? Build(IReadOnlyList<AlbumReport> albums)
    {
        if (albums.All(a => a.Fix is null))
        {
            return null;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title("Proposed fix (gain to the profile's target; true peak after)")
            .AddColumn("Album / track")
            .AddColumn(new TableColumn("Own gain\n[grey]dB[/]").RightAligned())
            .AddColumn(new TableColumn("TP after\n[grey]dBTP[/]").RightAligned())
            .AddColumn(new TableColumn("Album gain\n[grey]dB[/]").RightAligned())
            .AddColumn(new TableColumn("TP after\n[grey]dBTP[/]").RightAligned());
        foreach (var album in albums.Where(a => a.Fix is not null))
        {
            var fix = album.Fix!;
            table.AddRow(
                new Markup($"[bold]{Markup.Escape(album.Name)}[/] [grey]({Markup.Escape(fix.Mode)} mode, {Number(fix.ReferenceLufs)} → {Number(fix.TargetLufs)} LUFS{(fix.NeedsLimiting ? $", {fix.TracksNeedingLimiting} track(s) need limiting" : string.Empty)})[/]"),
                new Markup(string.Empty),
                new Markup(string.Empty),
                new Markup(Gain(fix.GainDb)),
                new Markup(Peak(fix.ResultingTruePeakDbtp, fix.NeedsLimiting)));
            foreach (var t in album.Tracks)
            {
                table.AddRow(
                    new Markup($"  {Markup.Escape(t.Label.Length > 0 ? t.Label : Path.GetFileName(t.Path))} {Markup.Escape(t.Title ?? Path.GetFileName(t.Path))}"),
                    new Markup(t.Fix is { } own ? Gain(own.GainDb) : "[grey]—[/]"),
                    new Markup(t.Fix is { } o ? Peak(o.ResultingTruePeakDbtp, o.NeedsLimiting) : "[grey]—[/]"),
                    new Markup(t.AlbumFix is { } a ? Gain(a.GainDb) : "[grey]—[/]"),
                    new Markup(t.AlbumFix is { } b ? Peak(b.ResultingTruePeakDbtp, b.NeedsLimiting) : "[grey]—[/]"));
            }
        }

        return table;
    }

    private static string Gain(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    // Over the profile's ceiling: a limiter is needed; said in words too, for consoles without colour.
    private static string Peak(double? value, bool needsLimiting) => value is not { } v
        ? "[grey]—[/]"
        : needsLimiting ? $"[yellow]{Number(v)} limit[/]" : Number(v);

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
