using BenchmarkDotNet.Attributes;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Loudness;
using MixFleet.Audio;
using MixFleet.Benchmarks.Reporting;
using MixFleet.Benchmarks.Signals;

namespace MixFleet.Benchmarks;

/// <summary>
/// (a) K-weighting (two biquads per channel, double state) and the 10 ms segment sums, on 10 s of 44.1 kHz stereo.
/// </summary>
/// <remarks>BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
[MemoryDiagnoser]
public class KWeightingBenchmarks
{
    private static readonly double[] Stereo = [1.0, 1.0];
    private AudioBuffer _buffer = null!;
    private AudioChunk _chunk = null!;
    private LoudnessMetric _metric = null!;

    [GlobalSetup]
    public void Setup()
    {
        var signal = MusicSignal.Mastered();
        _buffer = Chunks.Buffer(signal);
        _chunk = Chunks.FirstChunk(signal, new ChunkLayout(MusicSignal.SampleRate, 500, AnalysisDefaults.PreRollSeconds).PreRollFrames);
        _metric = new LoudnessMetric(MusicSignal.SampleRate, Stereo);
    }

    /// <summary>The kernel alone: one accumulator over one 10 s block.</summary>
    [Benchmark(Baseline = true)]
    [AudioSeconds(MusicSignal.Seconds)]
    public int AccumulatorProcessBlock()
    {
        var accumulator = new LoudnessAccumulator(MusicSignal.SampleRate, Stereo);
        accumulator.Process(_buffer);
        return accumulator.CompletedSegments.Length;
    }

    /// <summary>As the engine calls it: one 10 s chunk, K-weighting primed over the 0.25 s pre-roll.</summary>
    [Benchmark]
    [AudioSeconds(MusicSignal.Seconds)]
    public int LoudnessMetricMeasureChunk() => _metric.Measure(_chunk).Segments.Length;
}
