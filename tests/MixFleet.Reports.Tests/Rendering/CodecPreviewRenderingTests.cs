using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Catalog;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Rendering;
using MixFleet.Reports.Tests.Support;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Rendering;

/// <summary>The codec preview in every output: JSON (against the published schema), CSV, HTML.</summary>
public sealed class CodecPreviewRenderingTests
{
    private static readonly CodecPreviewReport[] Preview =
    [
        new() { Codec = "aac", Encoder = "aac", BitrateKbps = 256, SampleRate = 44_100, TruePeakDbtp = 0.93, SamplePeakDbfs = 0.61, TruePeakRiseDb = 1.03, Overs = 2, OverCeilingDbtp = -1 },
        new() { Codec = "opus", Encoder = "libopus", BitrateKbps = 160, Error = new ErrorReport { Code = "encoder-not-available", Message = "a/01.wav: this ffmpeg (ffmpeg) has no 'libopus' encoder" } },
    ];

    private static AnalysisReport Document()
    {
        var input = Constructed.Track("01 - Hot.wav", -14, album: "A") with { TruePeakDbtp = -0.1, CodecPreview = Preview };
        var albums = AlbumReportBuilder.BuildAll([input], QcProfiles.Apple);
        return new AnalysisReport
        {
            AnalyzerVersion = "test",
            Tracks = [new TrackReport { Path = input.Path, Album = input.Album, CodecPreview = Preview }],
            Profile = "apple",
            Albums = albums,
            Catalog = CatalogBuilder.Build(albums),
        };
    }

    [Fact]
    public void Json_CarriesBothCodecsWithTheirBitrates_AndValidatesAgainstTheSchema()
    {
        var json = ReportJson.Serialize(Document());

        using var document = JsonDocument.Parse(json);
        var result = ReportSchemaTests.Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
        var preview = JsonNode.Parse(json)!["tracks"]![0]!["codecPreview"]!.AsArray();
        Assert.Equal(("aac", 256, 0.93, 2L), ((string)preview[0]!["codec"]!, (int)preview[0]!["bitrateKbps"]!, (double)preview[0]!["truePeakDbtp"]!, (long)preview[0]!["overs"]!));
        Assert.Equal(("opus", 160, "encoder-not-available"), ((string)preview[1]!["codec"]!, (int)preview[1]!["bitrateKbps"]!, (string)preview[1]!["error"]!["code"]!));
        Assert.Null(preview[1]!["truePeakDbtp"]);
        var verdicts = JsonNode.Parse(json)!["albums"]![0]!["tracks"]![0]!["verdicts"]!.AsArray().Where(v => ((string)v!["rule"]!).StartsWith("survives-encode", StringComparison.Ordinal)).ToList();
        Assert.Equal(["survives-encode-aac:fail", "survives-encode-opus:warn"], verdicts.Select(v => $"{v!["rule"]}:{v["status"]}"));
    }

    [Fact]
    public void Json_WithoutAPreview_WritesNull_AndValidates()
    {
        var json = ReportJson.Serialize(SampleRun.Document(QcProfiles.Streaming));

        Assert.Null(JsonNode.Parse(json)!["tracks"]![0]!["codecPreview"]);
        Assert.True(JsonNode.Parse(json)!["tracks"]![0]!.AsObject().ContainsKey("codecPreview"));
    }

    [Fact]
    public void Csv_HasTheWorstTruePeakAfterTheEncode_AndTheOvers()
    {
        var lines = CatalogCsv.ToCsv(Document().Catalog).Split("\r\n");

        var columns = lines[0].Split(',').ToList();
        var track = lines.Single(l => l.StartsWith("track,", StringComparison.Ordinal));
        var fields = track.Split(',');
        Assert.Equal("0.93", fields[^2]);
        Assert.Equal("2", fields[^1]);
        Assert.Equal(["codec_true_peak_dbtp", "codec_overs"], columns[^2..]);
    }

    [Fact]
    public void Html_HasTheCodecPreviewTable_WithTheErrorOfTheMissingEncoder()
    {
        var html = HtmlReport.Render(Document(), QcProfiles.Apple);

        Assert.Contains("<table class=\"codec-preview\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>aac (aac)</td><td class=\"n\">256 kb/s</td><td class=\"n\">44100 Hz</td><td class=\"n fail\">0.9 dBTP</td><td class=\"n\">+1.0 dB</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>opus (libopus)</td><td class=\"n\">160 kb/s</td><td colspan=\"5\" class=\"warn\">encoder-not-available: ", html, StringComparison.Ordinal);
    }
}
