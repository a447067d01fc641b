using System.Text.Json;
using System.Text.Json.Serialization;
using MixFleet.Analysis;
using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Audio;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tests.Support;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Json;

/// <summary>
/// The report's generated serialization code (no reflection, for the Native AOT CLI) against the serializer's
/// reflection path with the options the reports were written with before: the documents must not change by a byte.
/// </summary>
public sealed class ReportJsonContextTests
{
    /// <summary>The report options as they were, resolved by reflection: the reference.</summary>
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [Theory]
    [InlineData("streaming")]
    [InlineData("cd")]
    [InlineData("none")]
    public void GeneratedCode_WritesTheDocumentReflectionWrites(string profile)
    {
        var report = Document(QcProfileLoader.Resolve(profile));

        var generated = ReportJson.Serialize(report);

        Assert.Equal(JsonSerializer.Serialize(report, Reflection), generated);
        Assert.Contains("\"status\": \"fail\"", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedCode_ReadsBackWhatItWrote()
    {
        var json = ReportJson.Serialize(Document(QcProfiles.Streaming));

        var read = ReportJson.Deserialize(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(read, Reflection));
    }

    [Fact]
    public void Options_ForADocumentThatEmbedsAReport_WriteItAsReflectionDid()
    {
        // The fleet's track documents are types outside the generated context, written with ReportJson.Options.
        var embedding = new Embedding(Document(QcProfiles.Streaming).Tracks[0], VerdictStatus.Warn);

        Assert.Equal(JsonSerializer.Serialize(embedding, Reflection), JsonSerializer.Serialize(embedding, ReportJson.Options));
    }

    /// <summary>A sample run whose first track is fully measured (format, loudness, peaks, tags).</summary>
    private static AnalysisReport Document(QcProfile profile)
    {
        var analysis = new TrackAnalysis
        {
            Format = new AudioStreamInfo
            {
                Container = "wav", Codec = "pcm_s24le", SampleRate = 48_000, Channels = 2, BitDepth = 24,
                Layout = ChannelLayout.Default(2), TotalFrames = 480_000, Tags = new AudioTags { Title = "Intro", Isrc = "GBAYE0000001" },
            },
            Frames = 480_000,
            DualMono = false,
            Loudness = new LoudnessResult { IntegratedLufs = -14.0449, LoudnessRangeLu = 6.5, MomentaryMaxLufs = -9.1, ShortTermMaxLufs = -11.2, BlockEnergies = [], ShortTermEnergies = [] },
            Peaks = new PeakResult { SamplePeak = 0.5, TruePeak = 1.0, ChannelSamplePeaks = [0.5, 0.5], ChannelTruePeaks = [1.0, 1.0], InterSampleOvers = 0 },
        };
        var run = SampleRun.Document(profile);
        return run with { Tracks = [TrackReportFactory.FromAnalysis("Good/00 - Intro.wav", "Good", analysis), .. run.Tracks] };
    }

    private sealed record Embedding(TrackReport Track, VerdictStatus Status);
}
