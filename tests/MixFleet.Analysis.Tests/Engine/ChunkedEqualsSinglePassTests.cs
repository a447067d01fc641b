using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Tests.Support;
using MixFleet.Audio;

namespace MixFleet.Analysis.Tests.Engine;

/// <summary>
/// The engine's invariant: for any chunk size and any parallelism, the merged result equals the single-chunk result
/// within 1e-6 LU / dB. Property-style: each seed draws a random signal, rate, channel count, chunk size and parallelism.
/// </summary>
public sealed class ChunkedEqualsSinglePassTests
{
    private const double Tolerance = 1e-6;
    private static readonly int[] Rates = [8_000, 11_025, 22_050, 44_100, 48_000, 96_000, 192_000];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 24));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ChunkedResult_EqualsSingleChunkResult(int seed)
    {
        var random = new Random(seed);
        var sampleRate = Rates[random.Next(Rates.Length)];
        var channels = random.Next(1, 7);
        var seconds = 0.2 + (random.NextDouble() * 12);
        var signal = RandomSignal(random, channels, sampleRate, seconds);
        var chunkSegments = random.Next(1, 700);
        var parallelism = random.Next(1, 5);

        var single = await AnalyzeAsync(signal, sampleRate, segments: (int)(seconds * 100) + 2, parallelism: 1);
        var chunked = await AnalyzeAsync(signal, sampleRate, chunkSegments, parallelism);

        var context = $"seed {seed}: {sampleRate} Hz, {channels} ch, {seconds:F2} s, chunks of {chunkSegments * 10} ms, parallelism {parallelism}";
        Assert.True(single.Frames == chunked.Frames, context);
        AssertClose(single.Loudness.IntegratedLufs, chunked.Loudness.IntegratedLufs, context);
        AssertClose(single.Loudness.LoudnessRangeLu, chunked.Loudness.LoudnessRangeLu, context);
        AssertClose(single.Loudness.MomentaryMaxLufs, chunked.Loudness.MomentaryMaxLufs, context);
        AssertClose(single.Loudness.ShortTermMaxLufs, chunked.Loudness.ShortTermMaxLufs, context);
        AssertClose(single.Peaks.SamplePeakDbfs, chunked.Peaks.SamplePeakDbfs, context);
        AssertClose(single.Peaks.TruePeakDbtp, chunked.Peaks.TruePeakDbtp, context);
        Assert.Equal(single.Loudness.BlockEnergies.Length, chunked.Loudness.BlockEnergies.Length);
        for (var i = 0; i < single.Loudness.BlockEnergies.Length; i++)
        {
            Assert.Equal(single.Loudness.BlockEnergies[i], chunked.Loudness.BlockEnergies[i], Math.Abs(single.Loudness.BlockEnergies[i]) * 1e-9);
        }
    }

    [Fact]
    public async Task LoudEventExactlyAtAChunkBoundary_IsMeasuredOnce()
    {
        // A full-scale click straddling the boundary between two 1 s chunks: true peak and momentary max must not
        // depend on where the cut falls.
        var x = Signals.Concat(Signals.Sine(48_000, 440, -30, 0.99), Signals.Sine(48_000, 7_000, 0, 0.02, 45), Signals.Sine(48_000, 440, -30, 0.99));
        float[][] channels = [x, x];

        var single = await AnalyzeAsync(channels, 48_000, segments: 300, parallelism: 1);
        var chunked = await AnalyzeAsync(channels, 48_000, segments: 100, parallelism: 2);

        AssertClose(single.Peaks.TruePeakDbtp, chunked.Peaks.TruePeakDbtp, "boundary click");
        AssertClose(single.Loudness.MomentaryMaxLufs, chunked.Loudness.MomentaryMaxLufs, "boundary click");
    }

    private static async Task<TrackAnalysis> AnalyzeAsync(float[][] channels, int sampleRate, int segments, int parallelism)
    {
        using var reader = new ArrayAudioReader(channels, sampleRate, ChannelLayout.Default(channels.Length));
        using var budget = new CpuBudget(parallelism);
        var options = new AnalysisOptions { ChunkSegments = segments, BlockFrames = 1_000 + (segments * 7) };
        return await new TrackAnalyzer(options, budget).AnalyzeAsync(reader);
    }

    private static float[][] RandomSignal(Random random, int channels, int sampleRate, double seconds)
    {
        var frames = (int)(seconds * sampleRate);
        var result = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            var x = new float[frames];
            var frequency = 20 + (random.NextDouble() * (sampleRate / 2.5));
            var level = Math.Pow(10, (-50 + (random.NextDouble() * 50)) / 20);
            for (var i = 0; i < frames; i++)
            {
                // A sine and noise under a slow random-rate envelope: loud and quiet parts, so both gates have work.
                var envelope = 0.5 + (0.5 * Math.Sin(2 * Math.PI * 0.3 * i / sampleRate * (1 + c)));
                x[i] = (float)(level * envelope * ((0.7 * Math.Sin(2 * Math.PI * frequency * i / sampleRate)) + (0.3 * ((random.NextDouble() * 2) - 1))));
            }

            result[c] = x;
        }

        return result;
    }

    private static void AssertClose(double? expected, double? actual, string context)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{context}: {expected} vs {actual}");
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= Tolerance, $"{context}: {e} vs {a} (Δ {e - a:E2})");
        }
    }
}
