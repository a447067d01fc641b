using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Catalog;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tests.Support;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Rendering;

public sealed class ReportSchemaTests
{
    internal static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "report.schema.json")));

    [Theory]
    [InlineData("streaming")]
    [InlineData("cd")]
    [InlineData("none")]
    public void Document_WithAlbumsAndCatalog_ValidatesAgainstThePublishedSchema(string profile)
    {
        var json = ReportJson.Serialize(SampleRun.Document(QcProfileLoader.Resolve(profile)));

        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void MeasuredAlbum_WithEdgesFadesAndFixes_ValidatesAndCarriesThem()
    {
        var tracks = new[]
        {
            AlbumSignals.Track("01 - a.wav", AlbumSignals.Body(-20, 12, fadeOutSeconds: 4)),
            AlbumSignals.Track("02 - b.wav", AlbumSignals.Body(-20, 12, fadeInSeconds: 3)),
        };
        var albums = AlbumReportBuilder.BuildAll(tracks, QcProfiles.Streaming);
        var report = new AnalysisReport
        {
            AnalyzerVersion = "test",
            Tracks = [.. tracks.Select(t => new TrackReport { Path = t.Path, Album = t.Album, Edges = t.Edges })],
            Profile = "streaming",
            Albums = albums,
            Catalog = CatalogBuilder.Build(albums),
        };
        var json = ReportJson.Serialize(report);

        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
        var node = JsonNode.Parse(json)!;
        Assert.Equal(-14 - albums[0].Loudness.IntegratedLufs!.Value, (double)node["albums"]![0]!["fix"]!["gainDb"]!, 0.011);
        Assert.Equal("album", (string?)node["albums"]![0]!["fix"]!["mode"]);
        Assert.Equal(-14 - tracks[0].IntegratedLufs!.Value, (double)node["albums"]![0]!["tracks"]![0]!["fix"]!["gainDb"]!, 0.011);
        Assert.True((double)node["tracks"]![0]!["edges"]!["fadeOutSeconds"]! > 0);
        Assert.Equal(0.0, (double)node["albums"]![0]!["sequencing"]!["transitions"]![0]!["bodyJumpLu"]!, 0.15);
        node["tracks"]![0]!["edges"]!.AsObject().Remove("fadeOutSeconds");
        using var broken = JsonDocument.Parse(node.ToJsonString());
        Assert.False(Schema.Evaluate(broken.RootElement).IsValid);
    }

    [Fact]
    public void Schema_RejectsADocumentWithoutTheFixedAlbumNames()
    {
        var node = JsonNode.Parse(ReportJson.Serialize(SampleRun.Document(QcProfiles.Streaming)))!;
        node["albums"]![0]!["loudness"]!.AsObject().Remove("integratedLufs");

        using var document = JsonDocument.Parse(node.ToJsonString());

        Assert.False(Schema.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void Album_UsesTheFixedNames_TracksInAlbumOrder_VerdictsAsWords()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(SampleRun.Document(QcProfiles.Streaming)))!;

        var bad = json["albums"]![0]!;
        Assert.Equal("Bad", (string?)bad["path"]);
        Assert.Equal("fail", (string?)bad["status"]);
        Assert.Equal(-8.5, (double)bad["loudness"]!["integratedLufs"]!, 0.1);
        Assert.Equal([1, 3, 4], bad["tracks"]!.AsArray().Select(t => (int)t!["number"]!));
        Assert.Equal("fileName", (string?)bad["tracks"]![0]!["numberSource"]);
        Assert.Contains(bad["verdicts"]!.AsArray(), v => (string?)v!["rule"] == "numbering-hole" && (string?)v["status"] == "warn");
        Assert.Equal("streaming", (string?)json["profile"]);
        Assert.Equal("fail", (string?)json["catalog"]![0]!["status"]);
    }
}
