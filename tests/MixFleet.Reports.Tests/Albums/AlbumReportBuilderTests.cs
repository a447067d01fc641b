using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tests.Support;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Albums;

public sealed class AlbumReportBuilderTests
{
    [Fact]
    public void AlbumLoudness_PoolsBlocks_DeviationsAndSpread()
    {
        // Two equally long steady tracks at -20 and -30 LUFS: both pass the relative gate (-32.6), so the album is
        // the energy mean 10·log10((10^-2 + 10^-3) / 2) = -22.60 LUFS, not the -25 of an average of track values.
        var album = AlbumReportBuilder.Build("Album", [Constructed.Track("01 - loud.wav", -20), Constructed.Track("02 - quiet.wav", -30)], QcProfiles.None);

        Assert.Equal(-22.60, album.Loudness.IntegratedLufs!.Value, 0.01);
        Assert.Equal(10.0, album.Loudness.SpreadLu!.Value, 0.01);
        Assert.Equal(10.0, album.Loudness.LoudnessRangeLu!.Value, 0.1);
        Assert.Equal(2.60, album.Tracks[0].DeviationLu!.Value, 0.01);
        Assert.Equal(-7.40, album.Tracks[1].DeviationLu!.Value, 0.01);
        Assert.Equal(VerdictStatus.Pass, album.Tracks[0].Verdicts.Single(v => v.Rule == "album-deviation").Status);
        Assert.Equal(VerdictStatus.Warn, album.Tracks[1].Verdicts.Single(v => v.Rule == "album-deviation").Status);
    }

    [Fact]
    public void AlbumGain_IsReplayGain2_MinusEighteenReference_AndPeakIsTheLoudestTruePeak()
    {
        var album = AlbumReportBuilder.Build("Album", [Constructed.Track("01.wav", -20), Constructed.Track("02.wav", -30)], QcProfiles.None);

        Assert.Equal(-18 - -22.60, album.Loudness.AlbumGainDb!.Value, 0.01);
        Assert.Equal(-10.0, album.Loudness.TruePeakDbtp);
        Assert.Equal(Math.Pow(10, -10.0 / 20), album.Loudness.AlbumPeak!.Value, 1e-6);
    }

    [Fact]
    public void FailedTrack_IsLeftOutOfTheLoudness_AndFailsTheGate()
    {
        var failed = new AlbumTrackInput { Path = "Album/02 - bad.wav", Album = "Album", Error = new ErrorReport { Code = "truncated", Message = "bad" } };

        var album = AlbumReportBuilder.Build("Album", [Constructed.Track("01 - good.wav", -20), failed], QcProfiles.None);

        Assert.Equal(-20.0, album.Loudness.IntegratedLufs!.Value, 0.01);
        Assert.Equal(VerdictStatus.Fail, album.Tracks[1].Status);
        Assert.Equal(VerdictStatus.Fail, album.Tracks[1].Verdicts.Single(v => v.Rule == "analyzed").Status);
        Assert.Equal(VerdictStatus.Fail, album.Status);
    }

    [Fact]
    public void Transitions_AreTheJumpFromLastToFirstThreeSeconds()
    {
        var tracks = new[]
        {
            Constructed.Shaped("01 - a.wav", firstLufs: -18, lastLufs: -12),
            Constructed.Shaped("02 - b.wav", firstLufs: -20, lastLufs: -25),
            Constructed.Shaped("03 - c.wav", firstLufs: -23, lastLufs: -14),
        };

        var album = AlbumReportBuilder.Build("Album", tracks, QcProfiles.None);

        var joins = album.Sequencing.Transitions;
        Assert.Equal(2, joins.Count);
        Assert.Equal(("1", "2"), (joins[0].From, joins[0].To));
        Assert.Equal(-12.0, joins[0].FromLastLufs!.Value, 0.01);
        Assert.Equal(-20.0, joins[0].ToFirstLufs!.Value, 0.01);
        Assert.Equal(-8.0, joins[0].JumpLu!.Value, 0.01);
        Assert.Equal(2.0, joins[1].JumpLu!.Value, 0.01);
        Assert.Equal(VerdictStatus.Warn, album.Verdicts.Single(v => v.Rule == "transition 1→2").Status);
        Assert.Equal(VerdictStatus.Pass, album.Verdicts.Single(v => v.Rule == "transition 2→3").Status);
    }

    [Fact]
    public void Transitions_IntoOrOutOfSilence_HaveNoJump()
    {
        var silentEnd = Constructed.Shaped("01 - a.wav", firstLufs: -18, lastLufs: -90);

        var album = AlbumReportBuilder.Build("Album", [silentEnd, Constructed.Track("02 - b.wav", -14)], QcProfiles.None);

        Assert.Null(album.Sequencing.Transitions[0].JumpLu);
        Assert.DoesNotContain(album.Verdicts, v => v.Rule.StartsWith("transition", StringComparison.Ordinal));
    }

    [Fact]
    public void Gaps_AreTrailingPlusLeadingSilence_WhenMeasured()
    {
        var tracks = new[]
        {
            Constructed.Shaped("01 - a.wav", -14, -14, leadingSilence: 0.2, trailingSilence: 1.5),
            Constructed.Shaped("02 - b.wav", -14, -14, leadingSilence: 0.5, trailingSilence: 4.0),
            Constructed.Shaped("03 - c.wav", -14, -14, leadingSilence: 2.5, trailingSilence: 0.0),
            Constructed.Track("04 - d.wav", -14),
        };

        var album = AlbumReportBuilder.Build("Album", tracks, QcProfiles.None);

        var gaps = album.Sequencing.Transitions.Select(t => t.GapSeconds).ToList();
        Assert.Equal([2.0, 6.5, null], gaps);
        Assert.Equal(VerdictStatus.Pass, album.Verdicts.Single(v => v.Rule == "gap 1→2").Status);
        Assert.Equal(VerdictStatus.Warn, album.Verdicts.Single(v => v.Rule == "gap 2→3").Status);
        Assert.DoesNotContain(album.Verdicts, v => v.Rule == "gap 3→4");
    }

    [Fact]
    public void Isrc_DuplicateInAlbum_MalformedAndMissing_AreFlagged()
    {
        var tracks = new[]
        {
            Constructed.Track("01.wav", -14, isrc: "GB-AYE-00-00001"),
            Constructed.Track("02.wav", -14, isrc: "GBAYE0000001"),
            Constructed.Track("03.wav", -14, isrc: "GBAYE000001"),
            Constructed.Track("04.wav", -14),
            Constructed.Track("05.wav", -14, isrc: "GBAYE0000005"),
        };

        var album = AlbumReportBuilder.Build("Album", tracks, QcProfiles.None);

        var isrc = album.Tracks.Select(t => t.Verdicts.Single(v => v.Rule == "isrc").Status).ToList();
        Assert.Equal([VerdictStatus.Fail, VerdictStatus.Fail, VerdictStatus.Fail, VerdictStatus.Warn, VerdictStatus.Pass], isrc);
        Assert.Contains("used by 2 tracks", album.Tracks[0].Verdicts.Single(v => v.Rule == "isrc").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Isrc_SharedWithAnotherAlbumOfTheRun_Fails()
    {
        var tracks = new[]
        {
            Constructed.Track("01.wav", -14, isrc: "USRC17607839", album: "One"),
            Constructed.Track("01.wav", -14, isrc: "US-RC1-76-07839", album: "Two"),
            Constructed.Track("02.wav", -14, isrc: "USRC17607840", album: "Two"),
        };

        var albums = AlbumReportBuilder.BuildAll(tracks, QcProfiles.None);

        Assert.Equal(["One", "Two"], albums.Select(a => a.Path));
        Assert.Contains("another album", albums[0].Tracks[0].Verdicts.Single(v => v.Rule == "isrc").Reason, StringComparison.Ordinal);
        Assert.Equal(VerdictStatus.Fail, albums[1].Tracks[0].Verdicts.Single(v => v.Rule == "isrc").Status);
        Assert.Equal(VerdictStatus.Pass, albums[1].Tracks[1].Verdicts.Single(v => v.Rule == "isrc").Status);
    }

    [Theory]
    [InlineData(4795.0, VerdictStatus.Pass)]   // + 2 s pre-gap = 79:57 exactly
    [InlineData(4796.0, VerdictStatus.Fail)]
    public void CdRunningTime_IsCheckedAgainst7957(double total, VerdictStatus expected)
    {
        var tracks = Enumerable.Range(1, 5).Select(n => Constructed.Track($"{n:00}.wav", -14, seconds: total / 5)).ToList();

        var album = AlbumReportBuilder.Build("Album", tracks, QcProfiles.Cd);

        Assert.Equal(expected, album.Verdicts.Single(v => v.Rule == "cd-running-time").Status);
    }

    [Fact]
    public void Cd_HundredTracks_AndATrackShorterThan4s_Fail()
    {
        var tracks = Enumerable.Range(1, 100).Select(n => Constructed.Track($"{n:000}.wav", -14, seconds: n == 7 ? 3.5 : 10)).ToList();

        var album = AlbumReportBuilder.Build("Album", tracks, QcProfiles.Cd);

        Assert.Equal(VerdictStatus.Fail, album.Verdicts.Single(v => v.Rule == "cd-track-count").Status);
        Assert.Equal(VerdictStatus.Fail, album.Tracks[6].Verdicts.Single(v => v.Rule == "cd-track-length").Status);
        Assert.Equal(VerdictStatus.Pass, album.Tracks[7].Verdicts.Single(v => v.Rule == "cd-track-length").Status);
    }

    [Fact]
    public void FormatAndAlbumTags_Inconsistent_Warn()
    {
        var a = Constructed.Track("01.wav", -14);
        var b = Constructed.Track("02.wav", -14) with { Format = a.Format! with { SampleRate = 48_000 }, Tags = a.Tags! with { Album = "Other title" } };

        var album = AlbumReportBuilder.Build("Folder", [a, b], QcProfiles.None);

        Assert.Equal(VerdictStatus.Warn, album.Verdicts.Single(v => v.Rule == "format-consistency").Status);
        Assert.Equal(VerdictStatus.Warn, album.Verdicts.Single(v => v.Rule == "album-title").Status);
        Assert.Equal(VerdictStatus.Pass, album.Verdicts.Single(v => v.Rule == "album-artist").Status);
        Assert.Equal("Folder", album.Name);
        Assert.Equal([44_100, 48_000], album.Format.SampleRates);
    }

    [Fact]
    public void Headroom_IsTheCeilingMinusTheTruePeak_AndStartTimesAccumulate()
    {
        var album = AlbumReportBuilder.Build("Album", [Constructed.Track("01.wav", -14, seconds: 30), Constructed.Track("02.wav", -12.5, seconds: 40)], QcProfiles.Streaming);

        // Constructed true peaks are loudness + 10: -4 and -2.5 dBTP under a -1 dBTP ceiling.
        Assert.Equal([3.0, 1.5], album.Tracks.Select(t => t.HeadroomDb!.Value));
        Assert.Equal([0.0, 30.0], album.Tracks.Select(t => t.StartSeconds));
        Assert.Equal(70.0, album.Sequencing.TotalSeconds);
        Assert.Equal("Constructed", album.Name);
    }

    [Fact]
    public void ShortTermSeries_HasOnePointPerSecond()
    {
        var album = AlbumReportBuilder.Build("Album", [Constructed.Track("01.wav", -14, seconds: 30)], QcProfiles.None);

        // 3 s windows every 100 ms over 30 s: 271 windows, every 10th kept = 28 points (one per second from 3 s to 30 s).
        Assert.Equal(28, album.Tracks[0].ShortTermLufs.Count);
        Assert.All(album.Tracks[0].ShortTermLufs, v => Assert.Equal(-14.0, v!.Value, 0.01));
    }
}
