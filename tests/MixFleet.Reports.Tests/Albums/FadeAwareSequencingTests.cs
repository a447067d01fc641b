using System.Text.Json;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tests.Support;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Albums;

/// <summary>
/// Sequencing body to body on albums synthesized as audio and measured by the engine: fades are not jumps, and a jump
/// hidden behind a fade is one. Body levels are closed-form (sine at X dBFS = X LUFS).
/// </summary>
public sealed class FadeAwareSequencingTests
{
    [Fact]
    public void FadeOutIntoFadeIn_AtTheSameBodyLoudness_Passes_ThoughTheEdgesDifferALot()
    {
        // The outgoing track fades 36 dB over 8 s, the incoming one rises 36 dB over 2 s: the raw 3 s edges differ
        // by well over 6 LU, but the listener hears -18 LUFS before and after.
        var album = AlbumReportBuilder.Build("Album",
        [
            AlbumSignals.Track("01 - out.wav", AlbumSignals.Body(-18, 30, fadeOutSeconds: 8)),
            AlbumSignals.Track("02 - in.wav", AlbumSignals.Body(-18, 30, fadeInSeconds: 2)),
        ], QcProfiles.Streaming);

        var join = Assert.Single(album.Sequencing.Transitions);
        Assert.Equal(-18.0, join.FromBodyLufs!.Value, 0.1);
        Assert.Equal(-18.0, join.ToBodyLufs!.Value, 0.1);
        Assert.Equal(0.0, join.BodyJumpLu!.Value, 0.15);
        Assert.InRange(join.FromFadeOutSeconds!.Value, 7.0, 8.0);
        Assert.InRange(join.ToFadeInSeconds!.Value, 1.0, 2.0);
        Assert.True(Math.Abs(join.JumpLu!.Value) > 6, $"edge jump {join.JumpLu}: the old rule would have flagged this fade");
        var verdict = album.Verdicts.Single(v => v.Rule == "transition 1→2");
        Assert.Equal(VerdictStatus.Pass, verdict.Status);
        Assert.Contains("fade-out into a", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TenLuBodyDrop_HiddenBehindFades_IsFlagged_ThoughTheEdgesMatch()
    {
        // Body -12 LUFS fading 30 dB to -42; the next track rises 20 dB from -42 into a -22 LUFS body: the edges meet
        // near -42 (the old rule saw a smooth join), the bodies are 10 LU apart.
        var album = AlbumReportBuilder.Build("Album",
        [
            AlbumSignals.Track("01 - loud.wav", AlbumSignals.Body(-12, 30, fadeOutSeconds: 6, fadeDepthDb: -30)),
            AlbumSignals.Track("02 - quiet.wav", AlbumSignals.Body(-22, 30, fadeInSeconds: 6, fadeDepthDb: -20)),
        ], QcProfiles.Streaming);

        var join = Assert.Single(album.Sequencing.Transitions);
        Assert.Equal(-10.0, join.BodyJumpLu!.Value, 0.2);
        Assert.True(Math.Abs(join.JumpLu!.Value) <= 6, $"edge jump {join.JumpLu}: the old rule would have passed this join");
        var verdict = album.Verdicts.Single(v => v.Rule == "transition 1→2");
        Assert.Equal(VerdictStatus.Warn, verdict.Status);
        Assert.Equal(-10.0, verdict.Value!.Value, 0.2);
        Assert.Contains("quieter", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HardCuts_JumpIsTheBodyDifference_AndGapsAreStillChecked()
    {
        // No fades: -10 LUFS stopping dead, 6 s of silence (3 after each track), then -20 LUFS.
        var silence = new float[3 * AlbumSignals.Rate];
        var album = AlbumReportBuilder.Build("Album",
        [
            AlbumSignals.Track("01 - a.wav", [.. AlbumSignals.Body(-10, 20), .. silence]),
            AlbumSignals.Track("02 - b.wav", [.. silence, .. AlbumSignals.Body(-20, 20)]),
        ], QcProfiles.Streaming);

        var join = Assert.Single(album.Sequencing.Transitions);
        Assert.Equal(0, join.FromFadeOutSeconds);
        Assert.Equal(0, join.ToFadeInSeconds);
        Assert.Equal(-10.0, join.BodyJumpLu!.Value, 0.1);
        Assert.Equal(6.0, join.GapSeconds!.Value, 0.01);
        Assert.Equal(VerdictStatus.Warn, album.Verdicts.Single(v => v.Rule == "transition 1→2").Status);
        Assert.Equal(VerdictStatus.Warn, album.Verdicts.Single(v => v.Rule == "gap 1→2").Status);
    }

    [Fact]
    public void StoredTrackReports_GiveTheSameJoins_AsAFreshAnalysis()
    {
        // The fleet rebuilds albums from stored JSON: the edges must travel in the track report.
        var fresh = new[]
        {
            AlbumSignals.Track("01 - out.wav", AlbumSignals.Body(-12, 25, fadeOutSeconds: 6, fadeDepthDb: -30)),
            AlbumSignals.Track("02 - in.wav", AlbumSignals.Body(-22, 25, fadeInSeconds: 6, fadeDepthDb: -20)),
        };
        var stored = fresh.Select(t =>
        {
            var report = new TrackReport { Path = t.Path, Album = t.Album, Loudness = new LoudnessReport { IntegratedLufs = t.IntegratedLufs }, Edges = t.Edges };
            var roundTripped = JsonSerializer.Deserialize<TrackReport>(JsonSerializer.Serialize(report, ReportJson.Options), ReportJson.Options)!;
            return AlbumTrackInputFactory.FromStored(roundTripped, t.Loudness);
        }).ToList();

        var a = AlbumReportBuilder.Build("Album", fresh, QcProfiles.Streaming).Sequencing.Transitions.Single();
        var b = AlbumReportBuilder.Build("Album", stored, QcProfiles.Streaming).Sequencing.Transitions.Single();

        Assert.NotNull(a.BodyJumpLu);
        Assert.Equal(a with { GapSeconds = null }, b with { GapSeconds = null });
    }

    [Fact]
    public void WithoutEdges_TheRuleFallsBackToTheThreeSecondEdges()
    {
        var album = AlbumReportBuilder.Build("Album", [Constructed.Shaped("01.wav", -18, -12), Constructed.Shaped("02.wav", -20, -20)], QcProfiles.None);

        var join = Assert.Single(album.Sequencing.Transitions);
        Assert.Null(join.BodyJumpLu);
        var verdict = album.Verdicts.Single(v => v.Rule == "transition 1→2");
        Assert.Equal(VerdictStatus.Warn, verdict.Status);
        Assert.Equal(-8.0, verdict.Value);
    }
}
