using MixFleet.Reports.Qc;
using MixFleet.Reports.Rendering;
using MixFleet.Reports.Tests.Support;

namespace MixFleet.Reports.Tests.Rendering;

public sealed class CatalogCsvTests
{
    [Fact]
    public void Catalog_IsWorstFirst_AlbumsAndTracks()
    {
        var catalog = SampleRun.Document(QcProfiles.Streaming).Catalog;

        Assert.Equal(2 + 5, catalog.Count);
        Assert.Equal(VerdictStatus.Fail, catalog[0].Status);
        Assert.Equal(("album", "Bad"), (catalog[0].Kind, catalog[0].Path));
        var statuses = catalog.Select(r => r.Status).ToList();
        Assert.Equal(statuses.OrderByDescending(s => s), statuses);
        Assert.Contains(catalog, r => r.Path == "Bad/04 - broken.wav" && r.Reasons.StartsWith("analyzed: could not be analyzed: truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_HasTheHeader_OneLinePerRow_InvariantNumbers()
    {
        var csv = CatalogCsv.ToCsv(SampleRun.Document(QcProfiles.Streaming).Catalog);
        var lines = csv.Split("\r\n");

        Assert.Equal("kind,album,path,number,status,fails,warns,integrated_lufs,loudness_range_lu,true_peak_dbtp,deviation_lu,duration_s,fix_gain_db,fix_true_peak_dbtp,needs_limiting,reasons,defects,defect_kinds,codec_true_peak_dbtp,codec_overs", lines[0]);
        Assert.Equal(2 + 5 + 1 + 1, lines.Length);   // header, rows, and the empty string after the last CRLF
        Assert.StartsWith("album,Bad,Bad,,fail,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",-8.47,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("-8,5", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_FieldWithCommaAndQuote_IsQuotedAndDoubled()
    {
        var row = SampleRun.Document(QcProfiles.Streaming).Catalog[0] with { Reasons = "a, \"b\"" };

        var line = CatalogCsv.ToCsv([row]).Split("\r\n")[1];

        Assert.Contains(",\"a, \"\"b\"\"\",", line, StringComparison.Ordinal);
    }
}
