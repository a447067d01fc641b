using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tests.Support;

namespace MixFleet.Reports.Tests.Qc;

public sealed class ProposedFixesTests
{
    [Fact]
    public void Track_AtMinus20LufsAndMinus3Dbtp_ForStreaming_NeedsSixDbAndALimiter()
    {
        // -14 LUFS target: +6 dB; the true peak goes -3 + 6 = +3 dBTP, above the -1 dBTP ceiling.
        var track = Constructed.Track("01.wav", -20) with { TruePeakDbtp = -3 };

        var fix = ProposedFixes.ForTrack(track, QcProfiles.Streaming)!;

        Assert.Equal(-14.0, fix.TargetLufs);
        Assert.Equal(6.0, fix.GainDb);
        Assert.Equal(-14.0, fix.ResultingLufs);
        Assert.Equal(3.0, fix.ResultingTruePeakDbtp);
        Assert.True(fix.NeedsLimiting);
    }

    [Fact]
    public void Track_TurnedDown_NeedsNoLimiter()
    {
        var track = Constructed.Track("01.wav", -9) with { TruePeakDbtp = 0.5 };

        var fix = ProposedFixes.ForTrack(track, QcProfiles.Apple)!;

        Assert.Equal(-7.0, fix.GainDb);
        Assert.Equal(-6.5, fix.ResultingTruePeakDbtp);
        Assert.False(fix.NeedsLimiting);
    }

    [Fact]
    public void AlbumFix_IsOneGainFromTheAlbumLoudness_AndKeepsTheBalance()
    {
        // Equally long steady tracks at -10, -14, -18 LUFS all pass the gates: the album is their energy mean,
        // 10·log10((10^-1 + 10^-1.4 + 10^-1.8) / 3) = -12.85 LUFS; the one gain to -14 is -1.15 dB.
        var tracks = new[] { Constructed.Track("01.wav", -10), Constructed.Track("02.wav", -14), Constructed.Track("03.wav", -18) };
        var expectedAlbum = 10 * Math.Log10((Math.Pow(10, -1.0) + Math.Pow(10, -1.4) + Math.Pow(10, -1.8)) / 3);

        var album = AlbumReportBuilder.Build("Album", tracks, QcProfiles.Streaming);

        Assert.Equal(AlbumGainModes.Album, album.Fix!.Mode);
        Assert.Equal(expectedAlbum, album.Fix.ReferenceLufs, 0.01);
        Assert.Equal(-14 - expectedAlbum, album.Fix.GainDb, 0.01);
        Assert.Equal(-14.0, album.Fix.ResultingLufs!.Value, 0.01);
        Assert.All(album.Tracks, t => Assert.Equal(album.Fix.GainDb, t.AlbumFix!.GainDb));
        var after = album.Tracks.Select(t => t.AlbumFix!.ResultingLufs).ToArray();
        Assert.Equal(4.0, after[0] - after[1], 0.011);
        Assert.Equal(4.0, after[1] - after[2], 0.011);
        // Each track's own fix brings it to -14 instead (balance lost): +4 dB for the -18 LUFS track.
        Assert.Equal([-4.0, 0.0, 4.0], album.Tracks.Select(t => t.Fix!.GainDb));
        // True peaks are loudness + 10 dB (Constructed): -18 + 10 + 4 = -4 dBTP own fix, fine; the loudest under the
        // album gain: -10 + 10 - 1.15 = -1.15 dBTP, under the -1 dBTP ceiling.
        Assert.False(album.Fix.NeedsLimiting);
        Assert.Equal(0, album.Fix.TracksNeedingLimiting);
        Assert.Equal(0 - 1.15, album.Fix.ResultingTruePeakDbtp!.Value, 0.01);
    }

    [Fact]
    public void LoudestTrackMode_BringsTheLoudestTrackToTheTarget()
    {
        var tracks = new[] { Constructed.Track("01.wav", -10), Constructed.Track("02.wav", -14), Constructed.Track("03.wav", -18) };

        var album = AlbumReportBuilder.Build("Album", tracks, QcProfiles.Streaming with { AlbumGainMode = AlbumGainModes.LoudestTrack });

        Assert.Equal(AlbumGainModes.LoudestTrack, album.Fix!.Mode);
        Assert.Equal(-10.0, album.Fix.ReferenceLufs);
        Assert.Equal(-4.0, album.Fix.GainDb);
        Assert.Equal([-14.0, -18.0, -22.0], album.Tracks.Select(t => t.AlbumFix!.ResultingLufs));
    }

    [Fact]
    public void AlbumGain_ThatPushesOneTrackOverTheCeiling_CountsIt()
    {
        // A quiet album with one hot-peaked track: the album gain lifts its -2 dBTP peak above -1 dBTP.
        var tracks = new[] { Constructed.Track("01.wav", -20) with { TruePeakDbtp = -2 }, Constructed.Track("02.wav", -20) };

        var album = AlbumReportBuilder.Build("Album", tracks, QcProfiles.Streaming);

        Assert.Equal(6.0, album.Fix!.GainDb, 0.01);
        Assert.True(album.Fix.NeedsLimiting);
        Assert.Equal(1, album.Fix.TracksNeedingLimiting);
        Assert.True(album.Tracks[0].AlbumFix!.NeedsLimiting);
        Assert.False(album.Tracks[1].AlbumFix!.NeedsLimiting);
        Assert.Equal(4.0, album.Fix.ResultingTruePeakDbtp!.Value, 0.01);
    }

    [Fact]
    public void RangeProfile_AimsAtTheNearestEdge_AndSampleCeilingUsesTheSamplePeak()
    {
        // mix-for-mastering: -23…-18 LUFS, sample peak ≤ -3 dBFS. -15 LUFS goes down 3 dB to -18; -20 stays.
        var hot = Constructed.Track("01.wav", -15) with { SamplePeakDbfs = -1, TruePeakDbtp = 0.5 };
        var fine = Constructed.Track("02.wav", -20) with { SamplePeakDbfs = -4, TruePeakDbtp = -2.5 };

        var hotFix = ProposedFixes.ForTrack(hot, QcProfiles.MixForMastering)!;
        var fineFix = ProposedFixes.ForTrack(fine, QcProfiles.MixForMastering)!;

        Assert.Equal((-18.0, -3.0), (hotFix.TargetLufs, hotFix.GainDb));
        Assert.False(hotFix.NeedsLimiting);   // sample peak -1 - 3 = -4 dBFS ≤ -3, though the true peak ends at -2.5 dBTP
        Assert.Equal((-20.0, 0.0), (fineFix.TargetLufs, fineFix.GainDb));
    }

    [Fact]
    public void NoLoudnessRule_NoFix()
    {
        var album = AlbumReportBuilder.Build("Album", [Constructed.Track("01.wav", -20)], QcProfiles.Cd);

        Assert.Null(album.Fix);
        Assert.Null(album.Tracks[0].Fix);
        Assert.Null(album.Tracks[0].AlbumFix);
    }
}
