using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Qc;

public sealed class CodecRulesTests
{
    private static AlbumTrackInput Track(double? aacTruePeak, IReadOnlyList<CodecPreviewReport>? preview = null) => new()
    {
        Path = "a/01.wav",
        Album = "a",
        TruePeakDbtp = -1.5,
        CodecPreview = preview ?? [new CodecPreviewReport { Codec = "aac", Encoder = "aac", BitrateKbps = 256, SampleRate = 44_100, TruePeakDbtp = aacTruePeak, Overs = 0, OverCeilingDbtp = -1 }],
    };

    [Theory]
    [InlineData(-1.0, VerdictStatus.Pass)]   // at the ceiling
    [InlineData(-0.99, VerdictStatus.Warn)]  // over the ceiling, nothing clips
    [InlineData(0.0, VerdictStatus.Warn)]    // full scale is not a clip
    [InlineData(0.01, VerdictStatus.Fail)]   // the decoded stream clips
    public void SurvivesEncode_AtAppleCeiling_PassesWarnsFails(double truePeak, VerdictStatus expected)
    {
        var verdict = Assert.Single(CodecRules.Evaluate(Track(truePeak), QcProfiles.Apple));

        Assert.Equal(("survives-encode-aac", expected, truePeak), (verdict.Rule, verdict.Status, verdict.Value!.Value));
        Assert.Equal("≤ -1.0 dBTP after the encode", verdict.Threshold);
    }

    [Fact]
    public void ProfileThatAsks_WithoutAPreview_Warns_AndOneWithoutACeilingSaysNothing()
    {
        var notRun = Track(null, preview: null) with { CodecPreview = null };

        Assert.Equal(VerdictStatus.Warn, Assert.Single(CodecRules.Evaluate(notRun, QcProfiles.Streaming)).Status);
        Assert.Empty(CodecRules.Evaluate(notRun, QcProfiles.EbuR128));
        Assert.Empty(CodecRules.Evaluate(Track(3.0), QcProfiles.None));
    }

    [Fact]
    public void CodecCheck_IsOnInStreamingAndApple_AndACustomProfileCanTurnItOn()
    {
        var custom = QcProfileLoader.Parse("name: strict\nbasedOn: ebu-r128\ncodecCheck: true\n", "strict.yaml");
        var inherited = QcProfileLoader.Parse("name: mine\nbasedOn: apple\n", "mine.yaml");

        Assert.Equal([true, true, null, true, true], new[] { QcProfiles.Streaming, QcProfiles.Apple, QcProfiles.EbuR128, custom, inherited }.Select(p => p.CodecCheck));
    }
}
