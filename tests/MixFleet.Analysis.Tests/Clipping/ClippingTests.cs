using MixFleet.Analysis.Clipping;
using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Clipping;

public sealed class ClippingTests
{
    [Fact]
    public void HardClippedSine_RunsCountedFromTheConstruction()
    {
        // 1 kHz at 48 kHz, amplitude 1.5: 1.5·sin(2πi/48) ≥ 1 exactly for i mod 48 in 6…18 (45°…135°; 37.5° gives
        // 0.913) and 30…42: two runs of 13 samples per period, 1000 periods.
        var x = Signals.Clip(Signals.SineAmplitude(48_000, 1_000, 1.5, 1));

        var clipping = Meter.Analyze([x]).Clipping!;

        Assert.Equal(2_000, clipping.ClippedRuns);
        Assert.Equal(13, clipping.LongestRunSamples);
        Assert.Equal(ClippingMetric.MaxPositions, clipping.Runs.Count);
        Assert.Equal(6.0 / 48_000, clipping.Runs[0].StartSeconds, 9);
        Assert.Equal(30.0 / 48_000, clipping.Runs[1].StartSeconds, 9);
        Assert.True(clipping.InterSampleOvers > 0);
    }

    [Fact]
    public void RunAcrossChunkBoundaries_IsOneRun()
    {
        // 2000 full-scale samples from frame 300: crosses the 10 ms chunk boundaries at 480, 960, … 2400.
        var x = Signals.Sine(48_000, 100, -20, 1);
        Array.Fill(x, -1f, 300, 2_000);

        var clipping = Meter.Analyze([x], options: new AnalysisOptions { ChunkSegments = 1 }).Clipping!;

        Assert.Equal(1, clipping.ClippedRuns);
        Assert.Equal(2_000, clipping.LongestRunSamples);
        Assert.Equal(300.0 / 48_000, clipping.Runs[0].StartSeconds, 9);
    }

    [Fact]
    public void QuietSine_NoRunsNoOvers()
    {
        var clipping = Meter.Analyze([Signals.Sine(48_000, 997, -1, 2)]).Clipping!;

        Assert.Equal(0, clipping.ClippedRuns);
        Assert.Equal(0, clipping.InterSampleOvers);
    }

    [Fact]
    public void InterSampleOvers_Tech3341Case19_AreCounted()
    {
        // fs/4 at 45°, amplitude 1.41: samples ±0.997, reconstructed peak +3 dBTP.
        var clipping = Meter.Analyze([Signals.SineAmplitude(48_000, 12_000, 1.41, 1, 45)]).Clipping!;

        Assert.Equal(0, clipping.ClippedRuns);
        Assert.True(clipping.InterSampleOvers > 10_000);
    }

    [Fact]
    public void DcOffset_SinePlusOffset_IsTheOffset()
    {
        var x = Signals.Sine(48_000, 1_000, -20, 2).Select(v => v + 0.1f).ToArray();

        var clipping = Meter.Analyze([x, Signals.Sine(48_000, 1_000, -20, 2)]).Clipping!;

        Assert.Equal(0.1, clipping.DcOffset[0], 6);
        Assert.Equal(0, clipping.DcOffset[1], 6);
    }
}
