using System.Globalization;
using MixFleet.Reports.Catalog;

namespace MixFleet.Reports.Rendering;

/// <summary>The catalog as CSV (RFC 4180: comma-separated, CRLF, quotes doubled), invariant culture, for spreadsheets.</summary>
public static class CatalogCsv
{
    /// <summary>The header row's column names.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "kind", "album", "path", "number", "status", "fails", "warns", "integrated_lufs", "loudness_range_lu",
        "true_peak_dbtp", "deviation_lu", "duration_s", "fix_gain_db", "fix_true_peak_dbtp", "needs_limiting", "reasons", "defects", "defect_kinds",
        "codec_true_peak_dbtp", "codec_overs",
    ];

    /// <summary>Writes the header and one line per row.</summary>
    public static void Write(TextWriter writer, IEnumerable<CatalogRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(string.Join(',', Columns));
        writer.Write("\r\n");
        foreach (var row in rows)
        {
            string[] fields =
            [
                row.Kind, row.Album, row.Path, row.Number, row.Status.ToString().ToLowerInvariant(),
                row.Fails.ToString(CultureInfo.InvariantCulture), row.Warns.ToString(CultureInfo.InvariantCulture),
                Number(row.IntegratedLufs), Number(row.LoudnessRangeLu), Number(row.TruePeakDbtp), Number(row.DeviationLu),
                Number(row.DurationSeconds), Number(row.FixGainDb), Number(row.FixTruePeakDbtp),
                row.NeedsLimiting is { } limiting ? (limiting ? "true" : "false") : string.Empty, row.Reasons,
                row.Defects?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, row.DefectKinds,
                Number(row.CodecTruePeakDbtp), row.CodecOvers?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ];
            writer.Write(string.Join(',', fields.Select(Quote)));
            writer.Write("\r\n");
        }
    }

    /// <summary>The catalog as one CSV string.</summary>
    public static string ToCsv(IEnumerable<CatalogRow> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, rows);
        return writer.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : string.Empty;

    // A leading =, +, - or @ is left as is: numbers like -14.2 must stay numbers in a spreadsheet.
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
