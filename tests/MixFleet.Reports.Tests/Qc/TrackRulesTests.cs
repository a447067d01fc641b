using MixFleet.Reports.Qc;
using MixFleet.Reports.Tests.Support;

namespace MixFleet.Reports.Tests.Qc;

public sealed class TrackRulesTests
{
    [Theory]
    [InlineData(-14.0, VerdictStatus.Pass)]
    [InlineData(-13.0, VerdictStatus.Pass)]   // at the tolerance
    [InlineData(-12.5, VerdictStatus.Warn)]   // within the 1 LU warn margin
    [InlineData(-15.9, VerdictStatus.Warn)]
    [InlineData(-11.0, VerdictStatus.Fail)]
    [InlineData(-17.5, VerdictStatus.Fail)]
    public void Streaming_Loudness_TargetToleranceAndWarnMargin(double lufs, VerdictStatus expected)
    {
        var verdict = Rule(Constructed.Track("01.wav", lufs), QcProfiles.Streaming, "loudness");

        Assert.Equal(expected, verdict.Status);
        Assert.Equal(lufs, verdict.Value);
        Assert.Equal("-14.0 ± 1.0 LUFS", verdict.Threshold);
    }

    [Fact]
    public void Streaming_TruePeakOverTheCeiling_FailsWithTheExcess()
    {
        var track = Constructed.Track("01.wav", -14) with { TruePeakDbtp = -0.4 };

        var verdict = Rule(track, QcProfiles.Streaming, "true-peak");

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Equal("-0.4 dBTP", verdict.Measured);
        Assert.Equal("≤ -1.0 dBTP", verdict.Threshold);
        Assert.Equal("true peak 0.6 dB over the ceiling", verdict.Reason);
    }

    [Theory]
    [InlineData("apple", -16.0, -1.0)]
    [InlineData("ebu-r128", -23.0, -1.0)]
    [InlineData("atsc-a85", -24.0, -2.0)]
    public void BuiltIns_HaveTheStandardsTargets(string name, double target, double ceiling)
    {
        var profile = QcProfileLoader.Resolve(name);

        Assert.Equal(target, profile.TargetLufs);
        Assert.Equal(ceiling, profile.MaxTruePeakDbtp);
    }

    [Fact]
    public void EbuR128_HalfLuTolerance_AndReportsLoudnessRange()
    {
        var verdicts = TrackRules.Evaluate(Constructed.Track("01.wav", -23.6) with { LoudnessRangeLu = 7.5 }, QcProfiles.EbuR128).ToList();

        Assert.Equal(VerdictStatus.Warn, verdicts.Single(v => v.Rule == "loudness").Status);
        var lra = verdicts.Single(v => v.Rule == "loudness-range");
        Assert.Equal(VerdictStatus.Pass, lra.Status);
        Assert.Equal(7.5, lra.Value);
    }

    [Fact]
    public void Cd_FormatAndSamplePeak()
    {
        var track = Constructed.Track("01.wav", -9) with { SamplePeakDbfs = 0.3 };
        var hiRes = track with { Format = track.Format! with { SampleRate = 96_000, BitDepth = 24 } };

        Assert.Equal(VerdictStatus.Fail, Rule(track, QcProfiles.Cd, "sample-peak").Status);
        Assert.Equal(VerdictStatus.Pass, Rule(track, QcProfiles.Cd, "sample-rate").Status);
        Assert.Equal(VerdictStatus.Fail, Rule(hiRes, QcProfiles.Cd, "sample-rate").Status);
        Assert.Equal(VerdictStatus.Fail, Rule(hiRes, QcProfiles.Cd, "bit-depth").Status);
    }

    [Theory]
    [InlineData(-20.0, -4.5, VerdictStatus.Pass, VerdictStatus.Pass)]
    [InlineData(-17.5, -1.0, VerdictStatus.Warn, VerdictStatus.Fail)]    // 0.5 LU too loud, peaks above -3 dBFS
    [InlineData(-26.0, -9.0, VerdictStatus.Fail, VerdictStatus.Pass)]    // 3 LU too quiet
    public void MixForMastering_LoudnessAndPeakCeiling(double lufs, double samplePeak, VerdictStatus loudness, VerdictStatus peak)
    {
        var track = Constructed.Track("01.wav", lufs) with { SamplePeakDbfs = samplePeak };

        Assert.Equal(loudness, Rule(track, QcProfiles.MixForMastering, "loudness").Status);
        Assert.Equal(peak, Rule(track, QcProfiles.MixForMastering, "sample-peak").Status);
    }

    [Theory]
    [InlineData(-20.0, -4.0, VerdictStatus.Pass)]   // PLR 16 dB: an open mix
    [InlineData(-10.0, -0.5, VerdictStatus.Warn)]   // PLR 9.5 dB
    [InlineData(-8.0, -0.3, VerdictStatus.Fail)]    // PLR 7.7 dB: limited
    public void MixForMastering_NoLimiting_UsesThePeakToLoudnessRatio(double lufs, double truePeak, VerdictStatus expected)
    {
        var track = Constructed.Track("01.wav", lufs) with { TruePeakDbtp = truePeak };

        var verdict = Rule(track, QcProfiles.MixForMastering, "no-limiting");

        Assert.Equal(expected, verdict.Status);
        Assert.Equal(Math.Round(truePeak - lufs, 2), verdict.Value);
    }

    [Fact]
    public void NoneProfile_HasNoLoudnessOrPeakRule()
    {
        Assert.Empty(TrackRules.Evaluate(Constructed.Track("01.wav", -5), QcProfiles.None));
    }

    private static RuleVerdict Rule(Reports.Albums.AlbumTrackInput track, QcProfile profile, string rule) =>
        TrackRules.Evaluate(track, profile).Single(v => v.Rule == rule);
}
