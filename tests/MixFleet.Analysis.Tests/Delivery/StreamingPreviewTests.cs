using MixFleet.Analysis.Delivery;

namespace MixFleet.Analysis.Tests.Delivery;

public sealed class StreamingPreviewTests
{
    [Fact]
    public void LoudTrack_EveryServiceTurnsItDown()
    {
        var gains = StreamingPreview.For(-9, -0.5).ToDictionary(g => g.Platform.Name, g => g.GainDb);

        Assert.Equal(-5, gains["Spotify"]!.Value, 9);
        Assert.Equal(-7, gains["Apple Music"]!.Value, 9);
        Assert.Equal(-5, gains["YouTube"]!.Value, 9);
        Assert.Equal(-5, gains["Amazon Music"]!.Value, 9);
        Assert.Equal(-5, gains["Tidal"]!.Value, 9);
        Assert.Equal(-6, gains["Deezer"]!.Value, 9);
    }

    [Fact]
    public void QuietTrack_UpGainStopsAtMinusOneDbtp()
    {
        var gains = StreamingPreview.For(-20, -3).ToDictionary(g => g.Platform.Name);

        Assert.Equal(2, gains["Spotify"].GainDb!.Value, 9);
        Assert.True(gains["Spotify"].PeakLimited);
        Assert.Equal(-1, gains["Spotify"].TruePeakAfterDbtp!.Value, 9);
        Assert.Equal(2, gains["Apple Music"].GainDb!.Value, 9);
        Assert.Equal(0, gains["YouTube"].GainDb!.Value, 9);
        Assert.False(gains["YouTube"].PeakLimited);
        Assert.Equal(0, gains["Deezer"].GainDb!.Value, 9);
    }

    [Fact]
    public void QuietTrackWithHeadroom_GetsTheFullGain()
    {
        var spotify = StreamingPreview.For(-17, -8).First(g => g.Platform.Name == "Spotify");

        Assert.Equal(3, spotify.GainDb!.Value, 9);
        Assert.False(spotify.PeakLimited);
    }

    [Fact]
    public void UndefinedLoudness_HasNoGain() => Assert.All(StreamingPreview.For(null, null), g => Assert.Null(g.GainDb));
}
