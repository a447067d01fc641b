using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio.Pcm;
using MixFleet.Benchmarks.Reporting;
using MixFleet.Benchmarks.Signals;

namespace MixFleet.Benchmarks;

/// <summary>
/// (e) The whole track path: 24-bit WAV decode from memory, chunking, K-weighting, true peak, merge, on 10 s of
/// mastered-like stereo. Cores = 1 is the per-core cost; Cores = 2 shows what the chunked engine gains in wall time.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "The budget is created in [GlobalSetup] and disposed in [GlobalCleanup].")]
public class TrackAnalyzerBenchmarks
{
    private readonly PcmDecoder _decoder = new();
    private byte[] _wav = null!;
    private CpuBudget _budget = null!;
    private TrackAnalyzer _analyzer = null!;

    [Params(1, 2)]
    public int Cores { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _wav = WavFile.Pcm24(MusicSignal.Mastered(), MusicSignal.SampleRate);
        _budget = new CpuBudget(Cores);
        _analyzer = new TrackAnalyzer(AnalysisOptions.Default, _budget);
    }

    [GlobalCleanup]
    public void Cleanup() => _budget.Dispose();

    [Benchmark]
    [AudioSeconds(MusicSignal.Seconds)]
    public async Task<double?> AnalyzeAsync()
    {
        using var reader = _decoder.Open(new MemoryStream(_wav, writable: false), "bench.wav");
        var analysis = await _analyzer.AnalyzeAsync(reader).ConfigureAwait(false);
        return analysis.Loudness.IntegratedLufs;
    }
}
