namespace MixFleet.Audio.Tests;

public sealed class ChannelLayoutTests
{
    [Fact]
    public void Equals_SameSpeakersInSameOrder_AreEqual()
    {
        var a = new ChannelLayout([Speaker.FrontLeft, Speaker.FrontRight]);
        var b = new ChannelLayout(new List<Speaker> { Speaker.FrontLeft, Speaker.FrontRight });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ChannelLayout([Speaker.FrontRight, Speaker.FrontLeft]));
    }

    [Fact]
    public void FromWaveMask_0x3F_IsFivePointOneInWaveOrder()
    {
        var layout = ChannelLayout.FromWaveMask(0x3F, 6);

        Assert.Equal(ChannelLayout.Default(6), layout);
        Assert.Equal("5.1", layout.Name);
    }
}
