using System.Text.Json;
using System.Text.Json.Nodes;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Catalog;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Rendering;
using MixFleet.Reports.Tests.Rendering;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Qc;

public sealed class DefectRulesTests
{
    private static readonly Dictionary<string, long> NoDefects = Analysis.Defects.DefectKinds.All.ToDictionary(k => k, _ => 0L);

    private static AlbumTrackInput Track(string path, params DefectReport[] defects) => new()
    {
        Path = path,
        Album = "A",
        IntegratedLufs = -14,
        TruePeakDbtp = -1.5,
        SamplePeakDbfs = -2,
        DurationSeconds = 180,
        Defects = defects,
        DefectTotals = new Dictionary<string, long>(NoDefects.Concat(defects.GroupBy(d => d.Kind).Select(g => KeyValuePair.Create(g.Key, (long)g.Count())))
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Max(kv => kv.Value))),
    };

    private static DefectReport Click(double at, int? channel) => new() { Kind = "click", AtSeconds = at, DurationSeconds = 0.0001, Channel = channel, Detail = "discontinuity 31 dB above the local signal" };

    [Fact]
    public void Streaming_ClickFails_DualMonoWarns_CleanTrackPasses()
    {
        var clicks = Track("A/01.wav", Click(62.345, 1), Click(90, null));
        var dual = Track("A/02.wav", new DefectReport { Kind = "dual-mono", AtSeconds = 0, DurationSeconds = 180, Channel = null, Detail = "left and right are bit-identical" });
        var clean = Track("A/03.wav");

        var c = DefectRules.Evaluate(clicks, QcProfiles.Streaming).ToList();
        var d = DefectRules.Evaluate(dual, QcProfiles.Streaming).ToList();
        var e = DefectRules.Evaluate(clean, QcProfiles.Streaming).ToList();

        var click = Assert.Single(c, v => v.Rule == "defect-click");
        Assert.Equal(VerdictStatus.Fail, click.Status);
        Assert.Equal("2", click.Measured);
        Assert.Contains("first at 1:02.345 (channel 1)", click.Reason, StringComparison.Ordinal);
        Assert.Equal(VerdictStatus.Warn, Assert.Single(d, v => v.Rule == "defect-dual-mono").Status);
        Assert.All(e, v => Assert.Equal(VerdictStatus.Pass, v.Status));
        Assert.Equal(QcProfiles.DeliveryFailDefects.Count + QcProfiles.DeliveryWarnDefects.Count, e.Count);
    }

    [Fact]
    public void NoProfileRules_OrNotMeasured_NoDefectVerdicts()
    {
        Assert.Empty(DefectRules.Evaluate(Track("A/01.wav", Click(1, 0)), QcProfiles.None));
        Assert.Empty(DefectRules.Evaluate(Track("A/01.wav") with { DefectTotals = null, Defects = null }, QcProfiles.Streaming));
    }

    [Fact]
    public void CustomProfile_UnknownDefectKind_IsAProblem()
    {
        var problems = QcProfileValidator.Problems(new QcProfile { Name = "x", FailDefects = ["click", "pop"] }).ToList();

        Assert.Contains(problems, p => p.Contains("'pop'", StringComparison.Ordinal));
    }

    [Fact]
    public void Outputs_CarryTheDefects_JsonValidatesAgainstTheSchema()
    {
        var albums = AlbumReportBuilder.BuildAll([Track("A/01 - one.wav", Click(62.345, 1), Click(90, null)), Track("A/02 - two.wav")], QcProfiles.Streaming);
        var catalog = CatalogBuilder.Build(albums);
        var tracks = new[] { new TrackReport { Path = "A/01 - one.wav", Album = "A", Defects = [Click(62.345, 1)], DefectTotals = NoDefects } };
        var document = new AnalysisReport { AnalyzerVersion = "x", Profile = "streaming", Tracks = tracks, Albums = albums, Catalog = catalog };

        var json = ReportJson.Serialize(document);
        var node = JsonNode.Parse(json)!;
        var defect = node["albums"]![0]!["tracks"]![0]!["defects"]![0]!;
        Assert.Equal("click", (string?)defect["kind"]);
        Assert.Equal(62.345, (double)defect["atSeconds"]!);
        Assert.Equal(1, (int?)defect["channel"]);
        Assert.Equal(0, (long)node["tracks"]![0]!["defectTotals"]!["dual-mono"]!);
        using (var parsed = JsonDocument.Parse(json))
        {
            // The schema instance the schema tests load (one per $id in the schema registry).
            Assert.True(ReportSchemaTests.Schema.Evaluate(parsed.RootElement).IsValid);
        }

        var row = Assert.Single(catalog, r => r.Path == "A/01 - one.wav");
        Assert.Equal(2, row.Defects);
        Assert.Equal("click×2", row.DefectKinds);
        Assert.EndsWith(",2,click×2,,", CatalogCsv.ToCsv([row]).Split("\r\n")[1], StringComparison.Ordinal);

        var html = HtmlReport.Render(document, QcProfiles.Streaming);
        Assert.Equal(2, html.Split("class=\"defect-marker defect-click\"").Length - 1);
        Assert.Contains("click at 1:02.345 (channel 1)", html, StringComparison.Ordinal);
    }
}
