using BenchmarkDotNet.Attributes;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Peaks;
using MixFleet.Benchmarks.Reporting;
using MixFleet.Benchmarks.Signals;

namespace MixFleet.Benchmarks;

/// <summary>
/// (c) Sample and true peak of a 10 s chunk, with the default reconstruction (8× grid + refinement) and with Annex 2
/// (×4 at 44.1 kHz): a loud mastered signal, where nearly every group must be interpolated, and a quiet dynamic one,
/// where the Σ|h|·max|x| bound skips most groups.
/// </summary>
[MemoryDiagnoser]
public class TruePeakBenchmarks
{
    private AudioChunk _mastered = null!;
    private AudioChunk _quiet = null!;
    private PeakMetric _metric = null!;

    /// <summary>The true-peak method measured.</summary>
    [Params(TruePeakMode.Reconstruction, TruePeakMode.Bs1770)]
    public TruePeakMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var preRoll = new ChunkLayout(MusicSignal.SampleRate, 500, AnalysisDefaults.PreRollSeconds).PreRollFrames;
        _mastered = Chunks.FirstChunk(MusicSignal.Mastered(), preRoll);
        _quiet = Chunks.FirstChunk(MusicSignal.QuietDynamic(), preRoll);
        _metric = new PeakMetric(MusicSignal.SampleRate, Mode);
    }

    [Benchmark(Baseline = true)]
    [AudioSeconds(MusicSignal.Seconds)]
    public float LoudMastered() => _metric.Measure(_mastered).TruePeaks[0];

    [Benchmark]
    [AudioSeconds(MusicSignal.Seconds)]
    public float QuietDynamic() => _metric.Measure(_quiet).TruePeaks[0];
}
