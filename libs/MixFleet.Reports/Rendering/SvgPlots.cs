using System.Globalization;
using System.Net;
using System.Text;
using MixFleet.Reports.Albums;

namespace MixFleet.Reports.Rendering;

/// <summary>Inline SVG plots for the HTML report: drawn in C#, no script, no network.</summary>
public static class SvgPlots
{
    private const double FloorDb = -40;
    private const double TopDb = 0;

    /// <summary>
    /// Album overview: one bar per track from the floor (-40) to its integrated loudness, the profile's target line,
    /// the album loudness line, and a true-peak marker (diamond) per track on the same dB axis.
    /// </summary>
    public static string AlbumOverview(AlbumReport album, double? targetLufs)
    {
        ArgumentNullException.ThrowIfNull(album);
        const double Width = 760, Height = 260, Left = 48, Right = 12, Top = 12, Bottom = 36;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var n = Math.Max(album.Tracks.Count, 1);
        var slot = plotWidth / n;
        double Y(double db) => Top + (plotHeight * (TopDb - Math.Clamp(db, FloorDb, TopDb)) / (TopDb - FloorDb));

        var svg = Open("album-overview", Width, Height, $"Loudness per track of {album.Name}");
        Axis(svg, Left, Width - Right, Y, "dB");
        for (var i = 0; i < album.Tracks.Count; i++)
        {
            var track = album.Tracks[i];
            var x = Left + (i * slot) + (slot * 0.2);
            var w = slot * 0.6;
            if (track.IntegratedLufs is { } lufs)
            {
                svg.Append(Invariant($"<rect class=\"bar bar-{track.Status.ToString().ToLowerInvariant()}\" x=\"{x:0.#}\" y=\"{Y(lufs):0.#}\" width=\"{w:0.#}\" height=\"{Y(FloorDb) - Y(lufs):0.#}\"><title>{Encode(track.Label)} {lufs:0.0} LUFS</title></rect>"));
            }

            if (track.TruePeakDbtp is { } tp)
            {
                var cx = x + (w / 2);
                var cy = Y(tp);
                svg.Append(Invariant($"<path class=\"tp-marker\" d=\"M{cx:0.#} {cy - 5:0.#} L{cx + 5:0.#} {cy:0.#} L{cx:0.#} {cy + 5:0.#} L{cx - 5:0.#} {cy:0.#} Z\"><title>{Encode(track.Label)} true peak {tp:0.0} dBTP</title></path>"));
            }

            svg.Append(Invariant($"<text class=\"tick\" x=\"{x + (w / 2):0.#}\" y=\"{Height - 18:0.#}\" text-anchor=\"middle\">{Encode(track.Label.Length > 0 ? track.Label : "#" + (i + 1).ToString(CultureInfo.InvariantCulture))}</text>"));
        }

        if (targetLufs is { } target)
        {
            Line(svg, "target-line", Left, Width - Right, Y(target), Invariant($"target {target:0.0} LUFS"));
        }

        if (album.Loudness.IntegratedLufs is { } albumLufs)
        {
            Line(svg, "album-line", Left, Width - Right, Y(albumLufs), Invariant($"album {albumLufs:0.0} LUFS"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Short-term loudness over time (one point per second) with the target line.</summary>
    public static string LoudnessOverTime(AlbumTrackReport track, double? targetLufs)
    {
        ArgumentNullException.ThrowIfNull(track);
        const double Width = 760, Height = 160, Left = 48, Right = 12, Top = 10, Bottom = 26;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        const double Floor = -50;
        double Y(double db) => Top + (plotHeight * (TopDb - Math.Clamp(db, Floor, TopDb)) / (TopDb - Floor));
        var series = track.ShortTermLufs;
        var step = Math.Max(1, track.ShortTermStepSeconds);
        var seconds = Math.Max(((series.Count - 1) * step) + 3, 1);   // point i is the window ending at 3 + i·step s
        double X(double t) => Left + (plotWidth * t / seconds);

        var svg = Open("loudness-over-time", Width, Height, $"Short-term loudness of {track.Label} {track.Title ?? Path.GetFileName(track.Path)}");
        Axis(svg, Left, Width - Right, Y, "LUFS", Floor);
        var points = new StringBuilder();
        for (var i = 0; i < series.Count; i++)
        {
            if (series[i] is { } v)
            {
                points.Append(Invariant($"{X((i * step) + 3):0.#},{Y(v):0.#} "));
            }
        }

        if (points.Length > 0)
        {
            svg.Append(Invariant($"<polyline class=\"series\" points=\"{points.ToString().TrimEnd()}\"/>"));
        }
        else
        {
            svg.Append(Invariant($"<text class=\"empty\" x=\"{Width / 2:0}\" y=\"{Height / 2:0}\" text-anchor=\"middle\">no short-term loudness (silent or shorter than 3 s)</text>"));
        }

        if (targetLufs is { } target)
        {
            Line(svg, "target-line", Left, Width - Right, Y(target), Invariant($"target {target:0.0} LUFS"));
        }

        DefectMarkers(svg, track, X, Top, Height - Bottom);
        svg.Append(Invariant($"<text class=\"tick\" x=\"{Width - Right:0}\" y=\"{Height - 6:0}\" text-anchor=\"end\">{seconds} s</text>"));
        return svg.Append("</svg>").ToString();
    }

    // One vertical marker per listed defect that has a place (whole-track findings such as dual-mono have none), its
    // kind, time and detail in a tooltip.
    private static void DefectMarkers(StringBuilder svg, AlbumTrackReport track, Func<double, double> x, double top, double bottom)
    {
        foreach (var d in track.Defects.Where(d => d.Kind is not ("dual-mono" or "polarity" or "dc-offset")))
        {
            var at = x(d.AtSeconds);
            svg.Append(Invariant($"<line class=\"defect-marker defect-{d.Kind}\" x1=\"{at:0.#}\" x2=\"{at:0.#}\" y1=\"{top:0.#}\" y2=\"{bottom:0.#}\"><title>{System.Net.WebUtility.HtmlEncode($"{d.Kind} at {Qc.DefectRules.Clock(d.AtSeconds)}{(d.Channel is { } c ? $" (channel {c})" : string.Empty)}: {d.Detail}")}</title></line>"));
        }
    }

    /// <summary>The long-term spectrum as bars, or a "not measured" note until a spectrum metric provides bands.</summary>
    public static string Spectrum(AlbumTrackReport track)
    {
        ArgumentNullException.ThrowIfNull(track);
        const double Width = 760, Height = 120, Left = 48, Right = 12, Top = 10, Bottom = 24;
        var svg = Open("spectrum", Width, Height, $"Spectrum of {track.Label}");
        if (track.SpectrumBands is not { Count: > 0 } bands)
        {
            svg.Append(Invariant($"<text class=\"empty\" x=\"{Width / 2:0}\" y=\"{Height / 2:0}\" text-anchor=\"middle\">spectrum not measured</text>"));
            return svg.Append("</svg>").ToString();
        }

        const double Floor = -90;
        var plotHeight = Height - Top - Bottom;
        var slot = (Width - Left - Right) / bands.Count;
        double Y(double db) => Top + (plotHeight * (TopDb - Math.Clamp(db, Floor, TopDb)) / (TopDb - Floor));
        Axis(svg, Left, Width - Right, Y, "dB", Floor);
        for (var i = 0; i < bands.Count; i++)
        {
            var x = Left + (i * slot);
            svg.Append(Invariant($"<rect class=\"band\" x=\"{x + 1:0.#}\" y=\"{Y(bands[i].LevelDb):0.#}\" width=\"{Math.Max(slot - 2, 1):0.#}\" height=\"{Y(Floor) - Y(bands[i].LevelDb):0.#}\"><title>{bands[i].FrequencyHz:0} Hz {bands[i].LevelDb:0.0} dB</title></rect>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string kind, double width, double height, string label) => new StringBuilder()
        .Append(Invariant($"<svg class=\"plot {kind}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Encode(label)}\">"));

    private static void Axis(StringBuilder svg, double left, double right, Func<double, double> y, string unit, double floor = FloorDb)
    {
        for (var db = TopDb; db >= floor; db -= 10)
        {
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{left:0}\" x2=\"{right:0}\" y1=\"{y(db):0.#}\" y2=\"{y(db):0.#}\"/><text class=\"tick\" x=\"{left - 6:0}\" y=\"{y(db) + 4:0.#}\" text-anchor=\"end\">{db:0}</text>"));
        }

        svg.Append(Invariant($"<text class=\"tick\" x=\"4\" y=\"12\">{unit}</text>"));
    }

    private static void Line(StringBuilder svg, string kind, double left, double right, double y, string label) =>
        svg.Append(Invariant($"<line class=\"{kind}\" x1=\"{left:0}\" x2=\"{right:0}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"><title>{Encode(label)}</title></line><text class=\"{kind}-label\" x=\"{(kind == "album-line" ? left + 4 : right - 4):0}\" y=\"{y - 4:0.#}\" text-anchor=\"{(kind == "album-line" ? "start" : "end")}\">{Encode(label)}</text>"));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
