using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Dynamics;

public sealed class DynamicsTests
{
    [Fact]
    public void DrScore_FullScaleSine_IsZero()
    {
        // Peak 1, RMS·√2 = 1 in every block: DR = 20·log10(1/1) = 0.
        var analysis = Meter.Analyze(Signals.Copies(Signals.Sine(48_000, 1_000, 0, 30)));

        Assert.Equal(0, analysis.Dynamics!.DrScore);
        Assert.All(analysis.Dynamics.ChannelDr, d => Assert.Equal(0, d!.Value, 3));
    }

    [Fact]
    public void DrScore_QuietHalfLoudHalf_IsZero()
    {
        // 5 quiet blocks (-20 dB) then 5 loud (0 dB): the loudest 20 % (2 blocks) are loud, second peak is 1.
        var x = Signals.Concat(Signals.Sine(48_000, 1_000, -20, 15), Signals.Sine(48_000, 1_000, 0, 15));

        var analysis = Meter.Analyze(Signals.Copies(x));

        Assert.Equal(0, analysis.Dynamics!.ChannelDr[0]!.Value, 3);
    }

    [Fact]
    public void DrScore_OneLoudBlockInTen_FollowsTheDefinition()
    {
        // 9 blocks at -20 dB, 1 at 0 dB: top 2 RMS are 1 and 0.1 → R = sqrt((1 + 0.01)/2); second peak 0.1.
        var x = Signals.Concat(Signals.Sine(48_000, 1_000, -20, 27), Signals.Sine(48_000, 1_000, 0, 3));
        var expected = 20 * Math.Log10(0.1 / Math.Sqrt((1 + 0.01) / 2));

        var analysis = Meter.Analyze([x]);

        Assert.Equal(expected, analysis.Dynamics!.ChannelDr[0]!.Value, 3);
        Assert.Equal((int)Math.Round(expected, MidpointRounding.AwayFromZero), analysis.Dynamics.DrScore);
    }

    [Fact]
    public void CrestFactor_Sine_IsThreeDb()
    {
        var analysis = Meter.Analyze([Signals.Sine(48_000, 1_000, -6, 6)]);

        Assert.Equal(10 * Math.Log10(2), analysis.Dynamics!.CrestFactorDb!.Value, 3);
    }

    [Fact]
    public void PeakToLoudnessRatio_Minus20DbfsStereoSine_IsZero()
    {
        // Tech 3341: a stereo 1 kHz sine at X dBFS reads X LUFS; its true peak is X dBTP: PLR = 0.
        var analysis = Meter.Analyze(Signals.Copies(Signals.Sine(48_000, 1_000, -20, 10)));

        Assert.Equal(0, analysis.Dynamics!.PeakToLoudnessRatioDb!.Value, 0.1);
    }

    [Fact]
    public void ShortTermSeries_SteadySine_OneValuePerSecondFromThreeSeconds()
    {
        var analysis = Meter.Analyze(Signals.Copies(Signals.Sine(48_000, 1_000, -23, 10)));

        Assert.Equal(8, analysis.Dynamics!.ShortTermLufsPerSecond.Count);
        Assert.All(analysis.Dynamics.ShortTermLufsPerSecond, s => Assert.Equal(-23, s!.Value, 0.1));
    }
}
