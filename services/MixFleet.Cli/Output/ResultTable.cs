using System.Globalization;
using MixFleet.Reports.Tracks;
using Spectre.Console;

namespace MixFleet.Cli.Output;

/// <summary>The results as a table: one section per album, one row per track.</summary>
internal static class ResultTable
{
    public static Table Build(IReadOnlyList<TrackReport> tracks)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Track")
            .AddColumn("Format")
            .AddColumn(new TableColumn("Duration").RightAligned())
            .AddColumn(new TableColumn("Integrated\n[grey]LUFS[/]").RightAligned())
            .AddColumn(new TableColumn("LRA\n[grey]LU[/]").RightAligned())
            .AddColumn(new TableColumn("Max M\n[grey]LUFS[/]").RightAligned())
            .AddColumn(new TableColumn("Max S\n[grey]LUFS[/]").RightAligned())
            .AddColumn(new TableColumn("Peak\n[grey]dBFS[/]").RightAligned())
            .AddColumn(new TableColumn("True peak\n[grey]dBTP[/]").RightAligned())
            .AddColumn(new TableColumn("PLR\n[grey]dB[/]").RightAligned())
            .AddColumn(new TableColumn("DR").RightAligned())
            .AddColumn(new TableColumn("Corr").RightAligned())
            .AddColumn(new TableColumn("Clips").RightAligned())
            .AddColumn("Mix")
            .AddColumn("Defects")
            .AddColumn(new TableColumn("After encode\n[grey]dBTP[/]").RightAligned());

        foreach (var album in tracks.GroupBy(t => t.Album))
        {
            table.AddRow(new Markup($"[bold]{Markup.Escape(album.Key)}[/]"));
            foreach (var track in album)
            {
                table.AddRow(Row(track));
            }
        }

        return table;
    }

    private static Markup[] Row(TrackReport track)
    {
        var name = Markup.Escape(Path.GetFileName(track.Path));
        if (track.Error is { } error)
        {
            // The code only: the full message is in the log lines above and in the JSON report.
            return [new Markup($"  {name}"), new Markup($"[red]{Markup.Escape(error.Code)}[/]")];
        }

        return
        [
            new Markup($"  {name}"),
            new Markup(Markup.Escape(FormatText(track.Format))),
            new Markup(Duration(track.Format?.DurationSeconds)),
            new Markup(Number(track.Loudness?.IntegratedLufs)),
            new Markup(Number(track.Loudness?.LoudnessRangeLu)),
            new Markup(Number(track.Loudness?.MomentaryMaxLufs)),
            new Markup(Number(track.Loudness?.ShortTermMaxLufs)),
            new Markup(Number(track.Peaks?.SamplePeakDbfs)),
            new Markup(TruePeak(track.Peaks?.TruePeakDbtp)),
            new Markup(Number(track.Dynamics?.PeakToLoudnessRatioDb)),
            new Markup(track.Dynamics?.DrScore is { } dr ? dr.ToString(CultureInfo.InvariantCulture) : "[grey]—[/]"),
            new Markup(Correlation(track.Stereo)),
            new Markup(Clips(track.Clipping)),
            new Markup(Readiness(track.MixReadiness)),
            new Markup(Defects(track.DefectTotals)),
            new Markup(CodecPreview(track.CodecPreview)),
        ];
    }

    private static string FormatText(FormatReport? format) => format is null
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"{format.Container} {(format.BitDepth is { } b ? $"{b}-bit " : string.Empty)}{format.SampleRate / 1000.0:0.#} kHz {format.ChannelLayout}");

    private static string Duration(double? seconds) => seconds is { } s
        ? TimeSpan.FromSeconds(s).ToString(s >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture)
        : "—";

    private static string Number(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "[grey]—[/]";

    // Correlation to two places; phase trouble in red, as it breaks mono playback.
    private static string Correlation(StereoReport? stereo) => stereo?.Correlation is not { } c
        ? "[grey]—[/]"
        : stereo.PhaseTrouble ? $"[red]{c.ToString("0.00", CultureInfo.InvariantCulture)}[/]" : c.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Clips(ClippingReport? clipping) => clipping is null
        ? "[grey]—[/]"
        : clipping.ClippedRuns > 0 ? $"[yellow]{clipping.ClippedRuns.ToString(CultureInfo.InvariantCulture)}[/]" : "0";

    // The names of the failed pre-mastering checks, or "ready".
    private static string Readiness(MixReadinessReport? readiness)
    {
        if (readiness is null)
        {
            return "[grey]—[/]";
        }

        var failed = readiness.Checks.Where(c => c.Pass == false).Select(c => c.Name).ToArray();
        return failed.Length == 0 ? "[green]ready[/]" : $"[yellow]{Markup.Escape(string.Join(" ", failed))}[/]";
    }

    // Each kind found with its count (click×2 dropout×1), or 0; the places are in the JSON, CSV and HTML reports.
    private static string Defects(IReadOnlyDictionary<string, long>? totals)
    {
        if (totals is null)
        {
            return "[grey]—[/]";
        }

        var found = totals.Where(kv => kv.Value > 0).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}×{kv.Value}")).ToArray();
        return found.Length == 0 ? "0" : $"[yellow]{Markup.Escape(string.Join(" ", found))}[/]";
    }

    // Each codec's true peak after its encode (aac -0.8 opus -0.6), over 0 dBTP (clipping) in red; error codes in yellow.
    private static string CodecPreview(IReadOnlyList<CodecPreviewReport>? preview)
    {
        if (preview is null)
        {
            return "[grey]—[/]";
        }

        return string.Join(" ", preview.Select(c => c.Error is { } error
            ? $"{c.Codec} [yellow]{Markup.Escape(error.Code)}[/]"
            : c.TruePeakDbtp is > 0.0 ? $"{c.Codec} [red]{Number(c.TruePeakDbtp)}[/]" : $"{c.Codec} {Number(c.TruePeakDbtp)}"));
    }

    // Above -1 dBTP most streaming services' encoders risk clipping: flag it.
    private static string TruePeak(double? value) => value is > -1.0 ? $"[yellow]{Number(value)}[/]" : Number(value);
}
