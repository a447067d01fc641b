using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tracks;
using MixFleet.Testing;

namespace MixFleet.Reports.Tests.Tracks;

/// <summary>
/// The codec preview through the real ffmpeg (native AAC, libopus) on constructed signals whose behaviour under a lossy
/// encode is known: a brick-walled master at -0.1 dBFS overshoots, a -6 dBFS sine does not move.
/// </summary>
public sealed class CodecPreviewsTests
{
    private const int Rate = 44_100;
    private static readonly CpuBudget Budget = new(2);

    [Fact]
    public async Task BrickWalledMaster_TruePeakRisesAfterAac_AndSurvivesEncodeFailsAtApple()
    {
        var signal = ClippedSine();
        var source = await SourceTruePeak(signal);

        var preview = await Measure(signal, source);

        var aac = preview.Single(p => p.Codec == "aac");
        // The clip's edges ring after AAC's band limit and quantization: about +0.9 dB over the source's true peak.
        Assert.True(aac.TruePeakDbtp > source + 0.5, $"AAC true peak {aac.TruePeakDbtp} dBTP, source {source:0.00} dBTP");
        Assert.Equal(Math.Round(aac.TruePeakDbtp!.Value - source, 2), aac.TruePeakRiseDb!.Value, 0.011);
        Assert.True(aac.Overs >= 2, "each channel is over -1 dBTP");
        var verdict = CodecRules.Evaluate(Track(source, preview), QcProfiles.Apple).Single(v => v.Rule == "survives-encode-aac");
        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Equal(aac.TruePeakDbtp, verdict.Value);
    }

    [Fact]
    public async Task Sine6Dbfs_StaysWithinHalfDbOfItsSource_AndPasses()
    {
        var signal = Sine(-6);
        var source = await SourceTruePeak(signal);

        var preview = await Measure(signal, source);

        Assert.Equal(-6.0, source, 0.01);
        Assert.All(preview, p =>
        {
            Assert.Null(p.Error);
            Assert.InRange(p.TruePeakDbtp!.Value, source - 0.5, source + 0.5);
            Assert.Equal(0, p.Overs);
        });
        Assert.All(CodecRules.Evaluate(Track(source, preview), QcProfiles.Streaming), v => Assert.Equal(VerdictStatus.Pass, v.Status));
    }

    [Fact]
    public async Task Preview_HasAac256AtTheSourceRate_AndOpus160At48kHz()
    {
        var preview = await Measure(Sine(-6, seconds: 2), -6);

        Assert.Collection(
            preview,
            aac => Assert.Equal(("aac", "aac", 256, 44_100), (aac.Codec, aac.Encoder, aac.BitrateKbps, aac.SampleRate!.Value)),
            opus => Assert.Equal(("opus", "libopus", 160, 48_000), (opus.Codec, opus.Encoder, opus.BitrateKbps, opus.SampleRate!.Value)));
        Assert.All(preview, p => Assert.Equal(-1.0, p.OverCeilingDbtp));
    }

    [Fact]
    public async Task FfmpegWithoutLibopus_ReportsEncoderNotAvailableForOpus_AndStillMeasuresAac()
    {
        using var directory = new TempDirectory();
        // The real ffmpeg, with libopus left out of its encoder list (as a build without it lists them).
        var ffmpeg = ShellScript.Write(directory.Path, "ffmpeg", """
            case "$*" in *-encoders*) ffmpeg "$@" | grep -v libopus ;; *) exec ffmpeg "$@" ;; esac
            """);

        var preview = await Measure(Sine(-6, seconds: 2), -6, new FfmpegOptions { FfmpegPath = ffmpeg });

        Assert.Null(preview[0].Error);
        Assert.InRange(preview[0].TruePeakDbtp!.Value, -6.5, -5.5);
        Assert.Equal("encoder-not-available", preview[1].Error!.Code);
        Assert.Contains("libopus", preview[1].Error!.Message, StringComparison.Ordinal);
        Assert.Null(preview[1].TruePeakDbtp);
        var verdict = CodecRules.Evaluate(Track(-6, preview), QcProfiles.Apple).Single(v => v.Rule == "survives-encode-opus");
        Assert.Equal((VerdictStatus.Warn, "encoder-not-available"), (verdict.Status, verdict.Measured));
    }

    [Fact]
    public async Task EncoderThatFails_IsReportedAsDecoderFailedNamingTheEncode()
    {
        using var directory = new TempDirectory();
        var ffmpeg = ShellScript.Write(directory.Path, "ffmpeg", """
            case "$*" in *"-c:a aac"*) cat > /dev/null; echo "Invalid bitrate for this profile" >&2; exit 1 ;; *) exec ffmpeg "$@" ;; esac
            """);

        var preview = await Measure(Sine(-6, seconds: 2), -6, new FfmpegOptions { FfmpegPath = ffmpeg });

        Assert.Equal("decoder-failed", preview[0].Error!.Code);
        Assert.Contains("could not encode to aac", preview[0].Error!.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid bitrate for this profile", preview[0].Error!.Message, StringComparison.Ordinal);
        Assert.Null(preview[1].Error);
    }

    private static AlbumTrackInput Track(double truePeak, IReadOnlyList<CodecPreviewReport> preview) => new()
    {
        Path = "a/01.wav",
        Album = "a",
        TruePeakDbtp = truePeak,
        CodecPreview = preview,
    };

    private static async Task<double> SourceTruePeak(float[][] signal) =>
        (await new TrackAnalyzer(new AnalysisOptions { LoudnessOnly = true }, Budget).AnalyzeAsync(new ArrayAudioReader(signal, Rate))).Peaks.TruePeakDbtp!.Value;

    private static Task<IReadOnlyList<CodecPreviewReport>> Measure(float[][] signal, double sourceTruePeak, FfmpegOptions? ffmpeg = null) =>
        new CodecPreviews(AnalysisOptions.Default, Budget, ffmpeg ?? new FfmpegOptions())
            .MeasureAsync(_ => Task.FromResult<IAudioReader>(new ArrayAudioReader(signal, Rate)), "constructed", sourceTruePeak);

    // A 441 Hz sine driven 12 dB into a hard clip at -0.1 dBFS: a square-ish brick-walled master.
    private static float[][] ClippedSine(double seconds = 10)
    {
        var ceiling = Math.Pow(10, -0.1 / 20);
        var x = new float[(int)(seconds * Rate)];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)Math.Clamp(4 * Math.Sin(2 * Math.PI * 441 * i / Rate), -ceiling, ceiling);
        }

        return [x, (float[])x.Clone()];
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("mixfleet-codec-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private static float[][] Sine(double peakDbfs, double seconds = 10)
    {
        var a = Math.Pow(10, peakDbfs / 20);
        var x = new float[(int)(seconds * Rate)];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)(a * Math.Sin(2 * Math.PI * 997 * i / Rate));
        }

        return [x, (float[])x.Clone()];
    }
}
