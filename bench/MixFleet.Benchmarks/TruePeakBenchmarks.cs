using BenchmarkDotNet.Attributes;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Peaks;
using MixFleet.Benchmarks.Reporting;
using MixFleet.Benchmarks.Signals;

namespace MixFleet.Benchmarks;

/// <summary>
/// (c) Sample and true peak of a 10 s chunk, with the default reconstruction (8× grid + refinement) and with Annex 2
/// (×4 at 44.1 kHz): a loud mastered signal, where nearly every group must be interpolated, and a quiet dynamic one,
/// where the Σ|h|·max|x| bound skips most groups. Each chunk is measured as the first of its track.
/// </summary>
[MemoryDiagnoser]
public class TruePeakBenchmarks
{
    private AudioChunk _mastered = null!;
    private AudioChunk _quiet = null!;

    /// <summary>The true-peak method measured.</summary>
    [Params(TruePeakMode.Reconstruction, TruePeakMode.Bs1770)]
    public TruePeakMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var preRoll = new ChunkLayout(MusicSignal.SampleRate, 500, AnalysisDefaults.PreRollSeconds).PreRollFrames;
        _mastered = Chunks.FirstChunk(MusicSignal.Mastered(), preRoll);
        _quiet = Chunks.FirstChunk(MusicSignal.QuietDynamic(), preRoll);
    }

    [Benchmark(Baseline = true)]
    [AudioSeconds(MusicSignal.Seconds)]
    public float LoudMastered() => Metric().Measure(_mastered).TruePeaks[0];

    [Benchmark]
    [AudioSeconds(MusicSignal.Seconds)]
    public float QuietDynamic() => Metric().Measure(_quiet).TruePeaks[0];

    // A new metric per call: a metric remembers the track's peak so far as the floor of its next chunk, which would let
    // every call after the first skip almost everything (the kernel and filter set-up it costs is ~2 KB, microseconds).
    private PeakMetric Metric() => new(MusicSignal.SampleRate, Mode);
}
