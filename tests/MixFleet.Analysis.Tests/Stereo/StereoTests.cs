using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Stereo;

public sealed class StereoTests
{
    [Fact]
    public void IdenticalChannels_CorrelationOne_NoFoldDownLoss()
    {
        var stereo = Meter.Analyze(Signals.Copies(Signals.Sine(48_000, 1_000, -20, 6))).Stereo!;

        Assert.Equal(1, stereo.Correlation!.Value, 9);
        Assert.Equal(1, stereo.WorstWindowCorrelation!.Value, 9);
        Assert.Null(stereo.WidthDb);
        Assert.Equal(0, stereo.MonoFoldDownLossDb!.Value, 0.01);
        Assert.Equal(0, stereo.BalanceDb!.Value, 9);
        Assert.False(stereo.PhaseTrouble);
    }

    [Fact]
    public void InvertedChannel_CorrelationMinusOne_FoldDownCancels()
    {
        var x = Signals.Sine(48_000, 1_000, -20, 6);

        var stereo = Meter.Analyze([x, x.Select(v => -v).ToArray()]).Stereo!;

        Assert.Equal(-1, stereo.Correlation!.Value, 9);
        Assert.Null(stereo.MonoFoldDownLufs);
        Assert.Null(stereo.MonoFoldDownLossDb);
        Assert.True(stereo.PhaseTrouble);
    }

    [Fact]
    public void UncorrelatedNoise_CorrelationNearZero_ThreeDbFoldDownLoss()
    {
        const int n = 48_000 * 10;
        var stereo = Meter.Analyze([Signals.Noise(1, n, 0.3), Signals.Noise(2, n, 0.3)]).Stereo!;

        Assert.InRange(stereo.Correlation!.Value, -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.Equal(0, stereo.WidthDb!.Value, 0.05);
        Assert.Equal(10 * Math.Log10(2), stereo.MonoFoldDownLossDb!.Value, 0.05);
        Assert.Equal(0, stereo.BalanceDb!.Value, 0.05);
        Assert.False(stereo.PhaseTrouble);
    }

    [Fact]
    public void Balance_LeftAtHalfAmplitude_IsMinusSixDb()
    {
        var x = Signals.Sine(48_000, 1_000, -20, 3);

        var stereo = Meter.Analyze([x.Select(v => v * 0.5f).ToArray(), x]).Stereo!;

        Assert.Equal(20 * Math.Log10(0.5), stereo.BalanceDb!.Value, 6);
    }

    [Fact]
    public void Mono_HasNoStereoResult() => Assert.Null(Meter.Analyze([Signals.Sine(48_000, 1_000, -20, 1)]).Stereo);
}
