using BenchmarkDotNet.Attributes;
using MixFleet.Analysis.Loudness;
using MixFleet.Benchmarks.Reporting;
using MixFleet.Benchmarks.Signals;

namespace MixFleet.Benchmarks;

/// <summary>
/// (b) Everything rebuilt from the 10 ms segments of a one-hour track: 400 ms blocks and gating, 3 s short-term
/// values and LRA, momentary maximum on the 10 ms grid.
/// </summary>
[MemoryDiagnoser]
public class GatingBenchmarks
{
    private const int TrackSeconds = 3600;
    private double[] _segments = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Segment energies of a one-hour "programme": a slow level wander (±6 dB over minutes), quiet intros and
        // breaks every few minutes, and per-segment jitter, around -14 LUFS.
        var random = new Random(3342);
        var count = TrackSeconds * LoudnessAccumulator.SegmentsPerSecond;
        var framesPerSegment = MusicSignal.SampleRate / (double)LoudnessAccumulator.SegmentsPerSecond;
        _segments = new double[count];
        for (var s = 0; s < count; s++)
        {
            var minutes = s / 6000.0;
            var lufs = -14 + (6 * Math.Sin(minutes * 0.7)) + (3 * (random.NextDouble() - 0.5));
            if (minutes % 4 < 0.2)
            {
                lufs -= 25; // a break
            }

            _segments[s] = LoudnessUnits.ToEnergy(lufs) * framesPerSegment;
        }
    }

    [Benchmark]
    [AudioSeconds(TrackSeconds)]
    public double? CalculatorCompute() => LoudnessCalculator.Compute(_segments, MusicSignal.SampleRate).IntegratedLufs;
}
