using MixFleet.Testing;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Loudness;
using MixFleet.Audio;

namespace MixFleet.Analysis.Tests.Support;

/// <summary>Runs the engine over synthesized channels.</summary>
internal static class Meter
{
    public static TrackAnalysis Analyze(float[][] channels, int sampleRate = 48_000, ChannelLayout? layout = null, AnalysisOptions? options = null, string codec = "pcm_f32le", int bitDepth = 32)
    {
        using var reader = new ArrayAudioReader(channels, sampleRate, layout, codec, bitDepth);
        using var budget = new CpuBudget(2);
        return new TrackAnalyzer(options ?? AnalysisOptions.Default, budget).AnalyzeAsync(reader).GetAwaiter().GetResult();
    }

    /// <summary>Every momentary value (400 ms window) on a 10 ms grid, in LUFS.</summary>
    public static double[] MomentarySeries(float[][] channels, int sampleRate = 48_000) =>
        Series(channels, sampleRate, LoudnessCalculator.BlockSegments, 1);

    /// <summary>Every short-term value (3 s window) on a 100 ms grid, in LUFS.</summary>
    public static double[] ShortTermSeries(float[][] channels, int sampleRate = 48_000) =>
        Series(channels, sampleRate, LoudnessCalculator.ShortTermSegments, 10);

    private static double[] Series(float[][] channels, int sampleRate, int length, int hop)
    {
        var accumulator = new LoudnessAccumulator(sampleRate, ChannelWeights.For(ChannelLayout.Default(channels.Length)));
        using var reader = new ArrayAudioReader(channels, sampleRate);
        var buffer = new AudioBuffer(channels.Length, 4096);
        while (reader.Read(buffer) > 0)
        {
            accumulator.Process(buffer);
        }

        return LoudnessCalculator.Windows(accumulator.CompletedSegments, sampleRate, length, hop)
            .Select(LoudnessUnits.ToLufs).ToArray();
    }
}
