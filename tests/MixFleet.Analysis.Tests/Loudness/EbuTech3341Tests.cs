using MixFleet.Analysis.Tests.Support;
using MixFleet.Audio;
using static MixFleet.Analysis.Tests.Support.Signals;

namespace MixFleet.Analysis.Tests.Loudness;

/// <summary>
/// EBU Tech 3341 (v4) minimum requirements test signals, synthesized here: stereo 1 kHz sines, where a sine of
/// peak X dBFS in both channels reads X LUFS. Cases 7, 8 (authentic programme) and 20–23 (the EBU's own files)
/// need the EBU's test files, which cannot be downloaded on these machines; they are not run.
/// </summary>
public sealed class EbuTech3341Tests
{
    private const int Fs = 48_000;
    private const double Tolerance = 0.1;

    private static float[] Tone(double dbfs, double seconds) => Sine(Fs, 1000, dbfs, seconds);

    [Theory]
    [InlineData(-23.0)]
    [InlineData(-33.0)]
    public void Case1And2_SteadySine_MomentaryShortTermAndIntegratedEqualLevel(double level)
    {
        var result = Meter.Analyze(Copies(Tone(level, 20))).Loudness;

        Assert.Equal(level, result.IntegratedLufs!.Value, Tolerance);
        Assert.Equal(level, result.MomentaryMaxLufs!.Value, Tolerance);
        Assert.Equal(level, result.ShortTermMaxLufs!.Value, Tolerance);
    }

    [Fact]
    public void Case3_RelativeGateExcludesQuietParts_IntegratedIsMinus23()
    {
        var signal = Concat(Tone(-36, 10), Tone(-23, 60), Tone(-36, 10));

        Assert.Equal(-23.0, Meter.Analyze(Copies(signal)).Loudness.IntegratedLufs!.Value, Tolerance);
    }

    [Fact]
    public void Case4_AbsoluteAndRelativeGates_IntegratedIsMinus23()
    {
        var signal = Concat(Tone(-72, 10), Tone(-36, 10), Tone(-23, 60), Tone(-36, 10), Tone(-72, 10));

        Assert.Equal(-23.0, Meter.Analyze(Copies(signal)).Loudness.IntegratedLufs!.Value, Tolerance);
    }

    [Fact]
    public void Case5_LoudMiddleSection_IntegratedIsMinus23()
    {
        var signal = Concat(Tone(-26, 20), Tone(-20, 20.1), Tone(-26, 20));

        Assert.Equal(-23.0, Meter.Analyze(Copies(signal)).Loudness.IntegratedLufs!.Value, Tolerance);
    }

    [Fact]
    public void Case6_FiveChannelSurround_IntegratedIsMinus23()
    {
        // L, R at -28, C at -24, Ls, Rs at -30 dBFS: surround channels weigh +1.5 dB.
        float[][] channels = [Tone(-28, 20), Tone(-28, 20), Tone(-24, 20), Tone(-30, 20), Tone(-30, 20)];

        Assert.Equal(-23.0, Meter.Analyze(channels, layout: ChannelLayout.Default(5)).Loudness.IntegratedLufs!.Value, Tolerance);
    }

    [Fact]
    public void Case6_SixChannelsWithLoudLfe_LfeIsExcluded_IntegratedIsMinus23()
    {
        // The LFE carries a loud tone here (stronger than the EBU's silent LFE): it must not count at all.
        float[][] channels = [Tone(-28, 20), Tone(-28, 20), Tone(-24, 20), Tone(-10, 20), Tone(-30, 20), Tone(-30, 20)];

        Assert.Equal(-23.0, Meter.Analyze(channels, layout: ChannelLayout.Default(6)).Loudness.IntegratedLufs!.Value, Tolerance);
    }

    [Fact]
    public void Case9_AlternatingTones_ShortTermIsMinus23AfterThreeSeconds()
    {
        var period = Concat(Tone(-20, 1.34), Tone(-30, 1.66));
        var signal = Concat(period, period, period, period, period);

        var series = Meter.ShortTermSeries(Copies(signal));

        Assert.NotEmpty(series);
        Assert.All(series, s => Assert.Equal(-23.0, s, Tolerance));
    }

    public static TheoryData<double> TwentyOffsets() => new(Enumerable.Range(0, 20).Select(i => 0.5 + (i * 0.1371)));

    [Theory]
    [MemberData(nameof(TwentyOffsets))]
    public void Case10_ThreeSecondBurstAtOffset_MaxShortTermIsMinus23(double offsetSeconds)
    {
        var signal = Concat(Silence(Fs, offsetSeconds), Tone(-23, 3), Silence(Fs, 1));

        Assert.Equal(-23.0, Meter.Analyze(Copies(signal)).Loudness.ShortTermMaxLufs!.Value, Tolerance);
    }

    public static TheoryData<double> TwentyLevels() => new(Enumerable.Range(0, 20).Select(i => -38.0 + i));

    [Theory]
    [MemberData(nameof(TwentyLevels))]
    public void Case11_ThreeSecondBurstAtLevel_MaxShortTermIsLevel(double level)
    {
        var signal = Concat(Silence(Fs, 1.23), Tone(level, 3), Silence(Fs, 1));

        Assert.Equal(level, Meter.Analyze(Copies(signal)).Loudness.ShortTermMaxLufs!.Value, Tolerance);
    }

    [Fact]
    public void Case12_AlternatingShortTones_MomentaryIsMinus23AfterOneSecond()
    {
        var period = Concat(Tone(-20, 0.18), Tone(-30, 0.22));
        var signal = Concat(Enumerable.Repeat(period, 25).ToArray());

        // The first window starts at 0; values from 1 s on (index 60 ends at 1.0 s on the 10 ms grid) must be constant.
        var series = Meter.MomentarySeries(Copies(signal));

        Assert.True(series.Length > 900);
        Assert.All(series.Skip(60), m => Assert.Equal(-23.0, m, Tolerance));
    }

    [Theory]
    [MemberData(nameof(TwentyOffsets))]
    public void Case13_FourHundredMsBurstAtOffset_MaxMomentaryIsMinus23(double offsetSeconds)
    {
        var signal = Concat(Silence(Fs, offsetSeconds), Tone(-23, 0.4), Silence(Fs, 0.5));

        Assert.Equal(-23.0, Meter.Analyze(Copies(signal)).Loudness.MomentaryMaxLufs!.Value, Tolerance);
    }

    [Theory]
    [MemberData(nameof(TwentyLevels))]
    public void Case14_FourHundredMsBurstAtLevel_MaxMomentaryIsLevel(double level)
    {
        var signal = Concat(Silence(Fs, 0.3337), Tone(level, 0.4), Silence(Fs, 0.5));

        Assert.Equal(level, Meter.Analyze(Copies(signal)).Loudness.MomentaryMaxLufs!.Value, Tolerance);
    }
}
