using MixFleet.Testing;
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
        AddDefects(random, signal);
        AddFades(new Random(seed + 1_000), signal, sampleRate);
        var chunkSegments = random.Next(1, 700);
        var parallelism = random.Next(1, 5);
        // Half the seeds run under a budget too small for a second chunk: one buffer, reused as soon as it is measured.
        var memory = random.Next(2) == 0 ? new MemoryBudget(1) : null;

        var single = await AnalyzeAsync(signal, sampleRate, segments: (int)(seconds * 100) + 2, parallelism: 1);
        var chunked = await AnalyzeAsync(signal, sampleRate, chunkSegments, parallelism, memory);

        var context = $"seed {seed}: {sampleRate} Hz, {channels} ch, {seconds:F2} s, chunks of {chunkSegments * 10} ms, parallelism {parallelism}, {(memory is null ? "ample memory" : "one chunk")}";
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

        AssertTrackMetricsEqual(single, chunked, context);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(33, 3)]
    [InlineData(299, 2)]
    public async Task DefectsAcrossChunkBoundaries_MergeExactly(int chunkSegments, int parallelism)
    {
        // Clipped runs, digital silence and a polarity flip placed across 10 ms boundaries, at 44.1 kHz (odd 100 ms grid
        // is not needed: 4410 frames) and with a long clipped run spanning several small chunks.
        const int rate = 44_100;
        var left = Signals.Concat(Signals.Silence(rate, 0.3), Signals.Sine(rate, 220, -6, 4.2, 90), Signals.Silence(rate, 0.2));
        var right = (float[])left.Clone();
        Array.Fill(left, 1f, 22_000, 1_500);
        Array.Fill(right, -1f, 44_095, 3);
        Array.Clear(left, 60_000, 900);
        Array.Clear(right, 60_000, 900);
        for (var i = 100_000; i < 150_000; i++)
        {
            right[i] = -right[i];
        }

        float[][] channels = [left, right];
        var single = await AnalyzeAsync(channels, rate, segments: 600, parallelism: 1);
        var chunked = await AnalyzeAsync(channels, rate, chunkSegments, parallelism);

        Assert.Equal(2, single.Clipping!.ClippedRuns);
        Assert.Equal(1, single.Silence!.Dropouts);
        AssertTrackMetricsEqual(single, chunked, $"defects, chunks of {chunkSegments * 10} ms");
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

    private static async Task<TrackAnalysis> AnalyzeAsync(float[][] channels, int sampleRate, int segments, int parallelism, MemoryBudget? memory = null)
    {
        using var reader = new ArrayAudioReader(channels, sampleRate, ChannelLayout.Default(channels.Length));
        using var budget = new CpuBudget(parallelism);
        var options = new AnalysisOptions { ChunkSegments = segments, BlockFrames = 1_000 + (segments * 7) };
        return await new TrackAnalyzer(options, budget, memory).AnalyzeAsync(reader);
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

    private static void AddDefects(Random random, float[][] signal)
    {
        // Some seeds get a clipped stretch and a digital-silence stretch at random places, so runs cross chunk edges.
        var frames = signal[0].Length;
        if (random.Next(2) == 0 && frames > 10)
        {
            var start = random.Next(frames);
            var length = Math.Min(frames - start, random.Next(1, 5_000));
            foreach (var x in signal)
            {
                Array.Fill(x, 1f, start, length);
            }
        }

        if (frames > 10)
        {
            // Clicks (one-sample spikes) anywhere, chunk boundaries and the track's last frames included.
            for (var k = random.Next(4); k > 0; k--)
            {
                signal[random.Next(signal.Length)][random.Next(frames)] += 0.5f;
            }
        }

        if (random.Next(2) == 0 && frames > 10)
        {
            var start = random.Next(frames);
            var length = Math.Min(frames - start, random.Next(1, 20_000));
            foreach (var x in signal)
            {
                Array.Clear(x, start, length);
            }
        }
    }

    private static void AddFades(Random random, float[][] signal, int sampleRate)
    {
        // Some seeds fade in and/or out (straight lines in dB over up to 4 s), so the edge detector finds fades. Its own
        // random source: the other draws of each seed (rate, chunking, parallelism) stay what they were.
        var frames = signal[0].Length;
        foreach (var fadeIn in new[] { true, false })
        {
            if (random.Next(2) == 0)
            {
                continue;
            }

            var n = Math.Min(frames, (int)(random.NextDouble() * 4 * sampleRate));
            foreach (var x in signal)
            {
                for (var i = 0; i < n; i++)
                {
                    var k = fadeIn ? i : frames - 1 - i;
                    x[k] *= (float)Math.Pow(10, -40.0 * (n - i) / n / 20);
                }
            }
        }
    }

    /// <summary>Every metric beyond loudness and peaks: numbers within 1e-6, flags and counts exactly.</summary>
    private static void AssertTrackMetricsEqual(TrackAnalysis single, TrackAnalysis chunked, string context)
    {
        var (a, b) = (single.Dynamics!, chunked.Dynamics!);
        Assert.Equal(a.DrScore, b.DrScore);
        AssertAllClose(a.ChannelDr, b.ChannelDr, context + " DR");
        AssertClose(a.CrestFactorDb, b.CrestFactorDb, context + " crest");
        AssertClose(a.PeakToLoudnessRatioDb, b.PeakToLoudnessRatioDb, context + " PLR");
        AssertAllClose(a.ShortTermLufsPerSecond, b.ShortTermLufsPerSecond, context + " short-term");

        var (c, d) = (single.Clipping!, chunked.Clipping!);
        Assert.Equal(c.ClippedRuns, d.ClippedRuns);
        Assert.Equal(c.LongestRunSamples, d.LongestRunSamples);
        Assert.Equal(c.Runs, d.Runs);
        Assert.Equal(c.InterSampleOvers, d.InterSampleOvers);
        AssertAllClose([.. c.DcOffset.Select(v => (double?)v)], [.. d.DcOffset.Select(v => (double?)v)], context + " DC");

        Assert.Equal(single.Silence!.LeadingSeconds, chunked.Silence!.LeadingSeconds);
        Assert.Equal(single.Silence.TrailingSeconds, chunked.Silence.TrailingSeconds);
        Assert.Equal(single.Silence.Dropouts, chunked.Silence.Dropouts);
        Assert.Equal(single.Silence.LongestDropoutSeconds, chunked.Silence.LongestDropoutSeconds);
        Assert.Equal(single.Silence.DropoutStartsSeconds, chunked.Silence.DropoutStartsSeconds);

        Assert.Equal(single.Stereo is null, chunked.Stereo is null);
        if (single.Stereo is { } s && chunked.Stereo is { } t)
        {
            AssertClose(s.Correlation, t.Correlation, context + " correlation");
            AssertClose(s.WorstWindowCorrelation, t.WorstWindowCorrelation, context + " worst window");
            AssertClose(s.WorstWindowStartSeconds, t.WorstWindowStartSeconds, context + " worst window start");
            AssertClose(s.WidthDb, t.WidthDb, context + " width");
            AssertClose(s.MonoFoldDownLufs, t.MonoFoldDownLufs, context + " fold-down");
            AssertClose(s.MonoFoldDownLossDb, t.MonoFoldDownLossDb, context + " fold-down loss");
            AssertClose(s.BalanceDb, t.BalanceDb, context + " balance");
            Assert.Equal(s.PhaseTrouble, t.PhaseTrouble);
        }

        var (p, q) = (single.Spectrum!, chunked.Spectrum!);
        Assert.Equal(p.FramesMeasured, q.FramesMeasured);
        AssertAllClose([.. p.Bands.Select(x => (double?)x.Share)], [.. q.Bands.Select(x => (double?)x.Share)], context + " bands");
        AssertClose(p.TiltDbPerOctave, q.TiltDbPerOctave, context + " tilt");
        Assert.Equal(p.Muddy, q.Muddy);
        Assert.Equal(p.Harsh, q.Harsh);

        // Defects: every item (kind, time, duration, channel, detail) and every total exactly.
        Assert.Equal(single.Defects!.Items, chunked.Defects!.Items);
        Assert.Equal(single.Defects.Totals.OrderBy(t => t.Key), chunked.Defects.Totals.OrderBy(t => t.Key));

        Assert.Equal(single.BitDepth, chunked.BitDepth);
        var (e, f) = (single.Edges!, chunked.Edges!);
        AssertClose(e.IntroLufs, f.IntroLufs, context + " intro");
        AssertClose(e.IntroBodyLufs, f.IntroBodyLufs, context + " intro body");
        AssertClose(e.FadeInSeconds, f.FadeInSeconds, context + " fade-in");
        AssertClose(e.OutroLufs, f.OutroLufs, context + " outro");
        AssertClose(e.OutroBodyLufs, f.OutroBodyLufs, context + " outro body");
        AssertClose(e.FadeOutSeconds, f.FadeOutSeconds, context + " fade-out");
        Assert.Equal(single.Streaming!.Select(g => g.PeakLimited), chunked.Streaming!.Select(g => g.PeakLimited));
        AssertAllClose([.. single.Streaming!.Select(g => g.GainDb)], [.. chunked.Streaming!.Select(g => g.GainDb)], context + " streaming");
        Assert.Equal(single.MixReadiness!.Checks.Select(x => x.Pass), chunked.MixReadiness!.Checks.Select(x => x.Pass));
        AssertAllClose([.. single.MixReadiness.Checks.Select(x => x.Measured)], [.. chunked.MixReadiness.Checks.Select(x => x.Measured)], context + " readiness");
    }

    private static void AssertAllClose(IReadOnlyList<double?> expected, IReadOnlyList<double?> actual, string context)
    {
        Assert.True(expected.Count == actual.Count, $"{context}: {expected.Count} vs {actual.Count} values");
        for (var i = 0; i < expected.Count; i++)
        {
            AssertClose(expected[i], actual[i], $"{context} [{i}]");
        }
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
