using System.Text.Json.Nodes;
using MixFleet.Analysis;
using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Audio;
using MixFleet.Reports.Json;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests;

public sealed class AnalysisReportJsonTests
{
    private static readonly AudioStreamInfo Wav = new()
    {
        Container = "wav",
        Codec = "pcm_s24le",
        SampleRate = 48_000,
        Channels = 2,
        BitDepth = 24,
        Layout = ChannelLayout.Default(2),
        TotalFrames = 480_000,
        Tags = new AudioTags { Title = "Intro", Isrc = "GBAYE0000001" },
    };

    [Fact]
    public void Serialize_AnalyzedTrack_UsesTheFixedCamelCaseNames()
    {
        var analysis = new TrackAnalysis
        {
            Format = Wav,
            Frames = 480_000,
            DualMono = false,
            Loudness = new LoudnessResult { IntegratedLufs = -14.0449, LoudnessRangeLu = 6.5, MomentaryMaxLufs = -9.1, ShortTermMaxLufs = -11.2, BlockEnergies = [], ShortTermEnergies = [] },
            Peaks = new PeakResult { SamplePeak = 0.5, TruePeak = 1.0, ChannelSamplePeaks = [0.5, 0.5], ChannelTruePeaks = [1.0, 1.0], InterSampleOvers = 0 },
        };
        var report = new AnalysisReport { AnalyzerVersion = "1.2.3", Tracks = [TrackReportFactory.FromAnalysis("a/01.wav", "a", analysis)] };

        var json = JsonNode.Parse(ReportJson.Serialize(report))!;

        Assert.Equal("1", (string?)json["schemaVersion"]);
        Assert.Equal("1.2.3", (string?)json["analyzerVersion"]);
        var track = json["tracks"]![0]!;
        Assert.Equal("a/01.wav", (string?)track["path"]);
        Assert.Equal("wav", (string?)track["format"]!["container"]);
        Assert.Equal("pcm_s24le", (string?)track["format"]!["codec"]);
        Assert.Equal(48_000, (int?)track["format"]!["sampleRate"]);
        Assert.Equal(2, (int?)track["format"]!["channels"]);
        Assert.Equal(24, (int?)track["format"]!["bitDepth"]);
        Assert.Equal(10.0, (double?)track["format"]!["durationSeconds"]);
        Assert.Equal(-14.04, (double?)track["loudness"]!["integratedLufs"]);
        Assert.Equal(6.5, (double?)track["loudness"]!["loudnessRangeLu"]);
        Assert.Equal(-9.1, (double?)track["loudness"]!["momentaryMaxLufs"]);
        Assert.Equal(-11.2, (double?)track["loudness"]!["shortTermMaxLufs"]);
        Assert.Equal(-6.02, (double?)track["peaks"]!["samplePeakDbfs"]);
        Assert.Equal(0.0, (double?)track["peaks"]!["truePeakDbtp"]);
        Assert.Equal("GBAYE0000001", (string?)track["tags"]!["isrc"]);
        Assert.True(track.AsObject().ContainsKey("error"));
        Assert.Null(track["error"]);
    }

    [Fact]
    public void Serialize_UndefinedLoudness_IsNullNotANumber()
    {
        var analysis = new TrackAnalysis
        {
            Format = Wav,
            Frames = 100,
            DualMono = false,
            Loudness = new LoudnessResult { BlockEnergies = [], ShortTermEnergies = [] },
            Peaks = new PeakResult { SamplePeak = 0, TruePeak = 0, ChannelSamplePeaks = [0, 0], ChannelTruePeaks = [0, 0], InterSampleOvers = 0 },
        };

        var track = JsonNode.Parse(ReportJson.Serialize(new AnalysisReport { AnalyzerVersion = "x", Tracks = [TrackReportFactory.FromAnalysis("s.wav", ".", analysis)] }))!["tracks"]![0]!;

        Assert.Null(track["loudness"]!["integratedLufs"]);
        Assert.True(track["loudness"]!.AsObject().ContainsKey("integratedLufs"));
        Assert.Null(track["peaks"]!["truePeakDbtp"]);
    }

    [Fact]
    public void Serialize_FailedTrack_CarriesCodeAndMessage()
    {
        var report = new AnalysisReport
        {
            AnalyzerVersion = "x",
            Tracks = [TrackReportFactory.FromError("bad.wav", ".", "truncated", "bad.wav: the data chunk ends after 12 of 400 bytes")],
        };

        var track = JsonNode.Parse(ReportJson.Serialize(report))!["tracks"]![0]!;

        Assert.Equal("truncated", (string?)track["error"]!["code"]);
        Assert.Contains("bad.wav", (string?)track["error"]!["message"], StringComparison.Ordinal);
        Assert.Null(track["loudness"]);
    }
}
