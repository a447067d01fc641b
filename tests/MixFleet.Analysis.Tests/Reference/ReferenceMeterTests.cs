using MixFleet.Audio.Ffmpeg;
using MixFleet.Testing;
using System.Globalization;
using System.Text.RegularExpressions;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;

namespace MixFleet.Analysis.Tests.Reference;

/// <summary>
/// Cross-checks against the two reference meters on music-like signals (pink noise under a moving envelope, with
/// different channel levels, at 44.1 and 48 kHz, stereo and mono): ffmpeg's ebur128 filter and libebur128 (loudgain).
/// Both read the same float WAV, written by ffmpeg, that the engine reads. Targets: integrated loudness within 0.05 LU,
/// true peak within 0.2 dB.
/// </summary>
public sealed class ReferenceMeterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mixfleet-ref-").FullName;

    public static TheoryData<string, int> Signals() => new()
    {
        { "anoisesrc=color=pink:amplitude=0.5:seed=3:sample_rate=44100:duration=20,volume='0.3+0.7*abs(sin(2*PI*0.1*t))':eval=frame,pan=stereo|c0=c0|c1=0.7*c0", 44_100 },
        { "anoisesrc=color=brown:amplitude=0.9:seed=5:sample_rate=48000:duration=15,volume='0.1+0.9*abs(sin(2*PI*0.3*t))':eval=frame,pan=stereo|c0=c0|c1=0.5*c0", 48_000 },
        { "anoisesrc=color=white:amplitude=0.2:seed=9:sample_rate=48000:duration=12,lowpass=3000,volume='0.2+0.8*abs(sin(2*PI*0.2*t))':eval=frame", 48_000 },
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task IntegratedAndTruePeak_AgreeWithFfmpegEbur128(string source, int sampleRate)
    {
        var path = Generate(source, sampleRate);
        var ours = await AnalyzeAsync(path);

        var metadata = Path.Combine(_folder, "meta.txt");
        ExternalTool.Run("ffmpeg", "-nostdin", "-v", "error", "-i", path, "-af", $"ebur128=peak=true:metadata=1,ametadata=mode=print:file={metadata}", "-f", "null", "-");
        var log = await File.ReadAllTextAsync(metadata);
        var integrated = Last(log, @"lavfi\.r128\.I=(-?[\d.]+)");
        var truePeakDb = 20 * Math.Log10(Last(log, @"lavfi\.r128\.true_peak=([\d.]+)"));

        Assert.Equal(integrated, ours.Loudness.IntegratedLufs!.Value, 0.05);
        Assert.Equal(truePeakDb, ours.Peaks.TruePeakDbtp!.Value, 0.2);
    }

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task IntegratedAndTruePeak_AgreeWithLibebur128(string source, int sampleRate)
    {
        var path = Generate(source, sampleRate);
        var ours = await AnalyzeAsync(path);

        // loudgain -O: tab-separated; columns 1 and 4 are "-21.14 LUFS" and the linear true peak.
        var row = ExternalTool.Run("loudgain", "-q", "-O", path).Split('\n').First(l => l.StartsWith(path, StringComparison.Ordinal)).Split('\t');
        var integrated = double.Parse(row[1].Split(' ')[0], CultureInfo.InvariantCulture);
        var truePeakDb = 20 * Math.Log10(double.Parse(row[3], CultureInfo.InvariantCulture));

        // loudgain prints 0.01 LU, so the comparison allows its rounding on top of the 0.05 LU target.
        Assert.Equal(integrated, ours.Loudness.IntegratedLufs!.Value, 0.055);
        Assert.Equal(truePeakDb, ours.Peaks.TruePeakDbtp!.Value, 0.2);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Generate(string source, int sampleRate)
    {
        var path = Path.Combine(_folder, $"signal-{sampleRate}-{Math.Abs(source.GetHashCode(StringComparison.Ordinal))}.wav");
        ExternalTool.Run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", source, "-c:a", "pcm_f32le", path);
        return path;
    }

    private static async Task<TrackAnalysis> AnalyzeAsync(string path)
    {
        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(path);
        using var budget = new CpuBudget(2);
        return await new TrackAnalyzer(AnalysisOptions.Default, budget).AnalyzeAsync(reader);
    }

    private static double Last(string text, string pattern)
    {
        var matches = Regex.Matches(text, pattern);
        Assert.NotEmpty(matches);
        return double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
