using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Tests.Support;
using MixFleet.Audio;
using static MixFleet.Analysis.Tests.Support.Signals;

namespace MixFleet.Analysis.Tests.Loudness;

public sealed class ClosedFormLoudnessTests
{
    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(96_000)]
    [InlineData(192_000)]
    [InlineData(37_800)]
    public void FullScale997HzSine_InOneFrontChannel_ReadsMinus3Point01Lufs(int sampleRate)
    {
        // BS.1770-4 §2.4: a 0 dBFS 1 kHz sine in the left, centre or right channel reads -3.01 LKFS.
        float[][] channels = [Sine(sampleRate, 997, 0, 5), Silence(sampleRate, 5)];

        var loudness = Meter.Analyze(channels, sampleRate).Loudness;

        // Exact at 48 kHz; at 192 kHz the RLB passband gain of the table's [1, -2, 1] numerator is 0.03 dB lower.
        Assert.Equal(-3.01, loudness.IntegratedLufs!.Value, 0.035);
    }

    [Fact]
    public void FullScale997HzSine_InBothChannels_ReadsZeroLufs()
    {
        var loudness = Meter.Analyze(Copies(Sine(48_000, 997, 0, 5))).Loudness;

        Assert.Equal(0.0, loudness.IntegratedLufs!.Value, 0.02);
    }

    [Fact]
    public void MonoSine_DefaultsToOneChannel_DualMonoAddsThreeDecibels()
    {
        float[][] mono = [Sine(48_000, 997, -20, 5)];

        var single = Meter.Analyze(mono).Loudness.IntegratedLufs!.Value;
        var dual = Meter.Analyze(mono, options: new AnalysisOptions { DualMono = true }).Loudness.IntegratedLufs!.Value;

        Assert.Equal(-23.01, single, 0.02);
        Assert.Equal(10 * Math.Log10(2), dual - single, 1e-9);
    }

    [Fact]
    public void DigitalSilence_HasNoLoudnessAndNoPeak()
    {
        var analysis = Meter.Analyze(Copies(Silence(48_000, 10)));

        Assert.Null(analysis.Loudness.IntegratedLufs);
        Assert.Null(analysis.Loudness.LoudnessRangeLu);
        Assert.Null(analysis.Loudness.MomentaryMaxLufs);
        Assert.Null(analysis.Loudness.ShortTermMaxLufs);
        Assert.Null(analysis.Peaks.SamplePeakDbfs);
        Assert.Null(analysis.Peaks.TruePeakDbtp);
    }

    [Fact]
    public void SignalShorterThanOneBlock_HasNoLoudness_ButHasPeaks()
    {
        var analysis = Meter.Analyze(Copies(Sine(48_000, 1000, -6, 0.35)));

        Assert.Null(analysis.Loudness.IntegratedLufs);
        Assert.Null(analysis.Loudness.MomentaryMaxLufs);
        Assert.Null(analysis.Loudness.ShortTermMaxLufs);
        Assert.Empty(analysis.Loudness.BlockEnergies);
        Assert.Equal(-6.0, analysis.Peaks.SamplePeakDbfs!.Value, 0.01);
    }

    [Fact]
    public void SignalBetweenOneBlockAndThreeSeconds_HasIntegratedButNoShortTerm()
    {
        var loudness = Meter.Analyze(Copies(Sine(48_000, 1000, -20, 2.0))).Loudness;

        Assert.Equal(-20.0, loudness.IntegratedLufs!.Value, 0.1);
        Assert.Null(loudness.ShortTermMaxLufs);
        Assert.Null(loudness.LoudnessRangeLu);
    }

    [Fact]
    public void BlocksAreKept_400MsEvery100Ms()
    {
        var loudness = Meter.Analyze(Copies(Sine(48_000, 1000, -20, 10.0))).Loudness;

        // 10 s → blocks start at 0, 0.1, …, 9.6 s: 97 complete 400 ms blocks; 3 s windows every 100 ms: 71.
        Assert.Equal(97, loudness.BlockEnergies.Length);
        Assert.Equal(71, loudness.ShortTermEnergies.Length);
    }

    [Fact]
    public void OddSampleRate_SegmentsStillTileEveryFrame()
    {
        // 11025 Hz: 10 ms is 110.25 frames; segments alternate 110/111 frames and blocks stay exact.
        var loudness = Meter.Analyze(Copies(Sine(11_025, 1000, -20, 5)), 11_025).Loudness;

        Assert.Equal(-20.0, loudness.IntegratedLufs!.Value, 0.1);
        Assert.Equal(47, loudness.BlockEnergies.Length);
    }

    [Fact]
    public void SurroundWeights_FollowBs1770Table3()
    {
        var layout = new ChannelLayout([Speaker.FrontLeft, Speaker.FrontRight, Speaker.FrontCenter, Speaker.LowFrequency, Speaker.SideLeft, Speaker.SideRight, Speaker.BackLeft, Speaker.BackRight]);

        Assert.Equal(new[] { 1.0, 1.0, 1.0, 0.0, 1.41, 1.41, 1.41, 1.41 }, ChannelWeights.For(layout));
    }

    [Fact]
    public void LoudnessOnly_GivesTheSameLoudnessAndPeaks_AndLeavesTheRestOut()
    {
        var signal = Copies(Concat(Sine(48_000, 1000, -20, 4), Sine(48_000, 300, -30, 4)));

        var full = Meter.Analyze(signal);
        var fast = Meter.Analyze(signal, options: new AnalysisOptions { LoudnessOnly = true });

        Assert.Equal(full.Loudness.IntegratedLufs, fast.Loudness.IntegratedLufs);
        Assert.Equal(full.Loudness.LoudnessRangeLu, fast.Loudness.LoudnessRangeLu);
        Assert.Equal(full.Peaks.TruePeakDbtp, fast.Peaks.TruePeakDbtp);
        Assert.NotNull(full.Spectrum);
        Assert.Null(fast.Spectrum);
        Assert.Null(fast.Dynamics);
        Assert.Null(fast.Stereo);
        Assert.NotNull(fast.Streaming);
    }
}
