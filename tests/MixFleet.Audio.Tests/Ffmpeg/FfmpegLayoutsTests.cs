using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Audio.Tests.Ffmpeg;

public sealed class FfmpegLayoutsTests
{
    private const Speaker FL = Speaker.FrontLeft;
    private const Speaker FR = Speaker.FrontRight;
    private const Speaker FC = Speaker.FrontCenter;
    private const Speaker LFE = Speaker.LowFrequency;
    private const Speaker BL = Speaker.BackLeft;
    private const Speaker BR = Speaker.BackRight;
    private const Speaker SL = Speaker.SideLeft;
    private const Speaker SR = Speaker.SideRight;

    public static TheoryData<string, Speaker[]> Named => new()
    {
        { "mono", [FC] },
        { "stereo", [FL, FR] },
        { "quad", [FL, FR, BL, BR] },
        { "5.1", [FL, FR, FC, LFE, BL, BR] },
        { "5.1(side)", [FL, FR, FC, LFE, SL, SR] },
        { "7.1", [FL, FR, FC, LFE, BL, BR, SL, SR] },
        { "2.1", [FL, FR, LFE] },
        { "6 channels (FL+FR+FC+LFE+SL+SR)", [FL, FR, FC, LFE, SL, SR] },
        { "FR+FL", [FR, FL] },
        { "FL+FR+DL", [FL, FR, Speaker.Unknown] },
    };

    [Theory]
    [MemberData(nameof(Named))]
    public void FromName_FfmpegLayoutName_IsSpeakersInFfmpegOrder(string name, Speaker[] expected) =>
        Assert.Equal(expected, FfmpegLayouts.FromName(name, expected.Length).Speakers);

    [Theory]
    [InlineData(null, 6)]
    [InlineData("", 2)]
    [InlineData("6 channels", 6)]
    [InlineData("stereo", 3)] // names a different channel count than the stream has
    [InlineData("weird", 1)]
    public void FromName_MissingOrInconsistent_IsDefaultForTheCount(string? name, int channels) =>
        Assert.Equal(ChannelLayout.Default(channels).Speakers, FfmpegLayouts.FromName(name, channels).Speakers);
}
