using MixFleet.Testing;
using System.Text.Json.Nodes;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Reports.Json;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests;

public sealed class TrackMetricsJsonTests
{
    [Fact]
    public async Task Serialize_AnalyzedStereoTrack_CarriesEveryMetricGroupUnderItsName()
    {
        // 6 s of a -20 dBFS 1 kHz sine, identical channels, 16-bit codes in a 24-bit container.
        var x = new float[48_000 * 6];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)(Math.Round(0.1 * Math.Sin(2 * Math.PI * 1_000 * i / 48_000) * 32_768) / 32_768);
        }

        using var reader = new ArrayAudioReader([x, x], 48_000, codec: "pcm_s24le", bitDepth: 24);
        using var budget = new CpuBudget(1);
        var analysis = await new TrackAnalyzer(AnalysisOptions.Default, budget).AnalyzeAsync(reader);

        var report = new AnalysisReport { AnalyzerVersion = "x", Tracks = [TrackReportFactory.FromAnalysis("a.wav", ".", analysis)] };
        var track = JsonNode.Parse(ReportJson.Serialize(report))!["tracks"]![0]!;

        Assert.Equal(16, (int?)track["format"]!["effectiveBitDepth"]);
        Assert.Equal(0.0, (double)track["dynamics"]!["peakToLoudnessRatioDb"]!, 0.1);
        Assert.NotNull(track["dynamics"]!["crestFactorDb"]);
        Assert.NotNull(track["dynamics"]!["drScore"]);
        Assert.Equal(4, track["dynamics"]!["shortTermLufsPerSecond"]!.AsArray().Count);
        Assert.Equal(1.0, (double?)track["stereo"]!["correlation"]);
        Assert.False((bool?)track["stereo"]!["phaseTrouble"]);
        Assert.True(track["stereo"]!.AsObject().ContainsKey("worstWindowCorrelation"));
        Assert.True(track["stereo"]!.AsObject().ContainsKey("widthDb"));
        Assert.True(track["stereo"]!.AsObject().ContainsKey("monoFoldDownLossDb"));
        Assert.True(track["stereo"]!.AsObject().ContainsKey("balanceDb"));
        Assert.Equal("mid", (string?)track["spectrum"]!["bands"]![3]!["name"]);
        Assert.True((double?)track["spectrum"]!["bands"]![3]!["energyPercent"] > 99);
        Assert.True(track["spectrum"]!.AsObject().ContainsKey("tiltDbPerOctave"));
        Assert.False((bool?)track["spectrum"]!["muddy"]);
        Assert.False((bool?)track["spectrum"]!["harsh"]);
        Assert.Equal(0, (long?)track["clipping"]!["clippedRuns"]);
        Assert.Equal(0, (long?)track["clipping"]!["interSampleOvers"]);
        Assert.Equal(2, track["clipping"]!["dcOffset"]!.AsArray().Count);
        Assert.Equal(0.0, (double?)track["silence"]!["leadingSeconds"]);
        Assert.Equal(0, (long?)track["silence"]!["dropouts"]);
        Assert.Equal("Spotify", (string?)track["streaming"]![0]!["platform"]);
        Assert.Equal(6.0, (double)track["streaming"]![0]!["gainDb"]!, 0.1);
        Assert.False((bool?)track["streaming"]![0]!["peakLimited"]);
        Assert.Equal("peaks", (string?)track["mixReadiness"]!["checks"]![0]!["name"]);
        Assert.True(track["mixReadiness"]!.AsObject().ContainsKey("ready"));
        Assert.NotNull(track["mixReadiness"]!["checks"]![0]!["reason"]);
    }

    [Fact]
    public async Task Serialize_MonoTrack_HasNoStereo()
    {
        using var reader = new ArrayAudioReader([new float[48_000]], 48_000, codec: "pcm_s24le", bitDepth: 24);
        using var budget = new CpuBudget(1);
        var analysis = await new TrackAnalyzer(AnalysisOptions.Default, budget).AnalyzeAsync(reader);

        var track = JsonNode.Parse(ReportJson.Serialize(new AnalysisReport { AnalyzerVersion = "x", Tracks = [TrackReportFactory.FromAnalysis("m.wav", ".", analysis)] }))!["tracks"]![0]!;

        Assert.Null(track["stereo"]);
        Assert.Null(track["format"]!["effectiveBitDepth"]);
    }
}
