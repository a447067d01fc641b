namespace MixFleet.Audio.Ffmpeg;

/// <summary>
/// Maps ffmpeg's channel layout names (<c>stereo</c>, <c>5.1(side)</c>, <c>FL+FR+LFE</c>…) to speakers in
/// ffmpeg's channel order. A native ffmpeg layout orders its channels by ascending <c>AV_CH_*</c> bit, and
/// those bits are the WAVE channel-mask bits that <see cref="Speaker"/> numbers, so each list below is sorted.
/// </summary>
internal static class FfmpegLayouts
{
    private const Speaker FL = Speaker.FrontLeft;
    private const Speaker FR = Speaker.FrontRight;
    private const Speaker FC = Speaker.FrontCenter;
    private const Speaker LFE = Speaker.LowFrequency;
    private const Speaker BL = Speaker.BackLeft;
    private const Speaker BR = Speaker.BackRight;
    private const Speaker FLC = Speaker.FrontLeftOfCenter;
    private const Speaker FRC = Speaker.FrontRightOfCenter;
    private const Speaker BC = Speaker.BackCenter;
    private const Speaker SL = Speaker.SideLeft;
    private const Speaker SR = Speaker.SideRight;
    private const Speaker TFL = Speaker.TopFrontLeft;
    private const Speaker TFR = Speaker.TopFrontRight;
    private const Speaker TBL = Speaker.TopBackLeft;
    private const Speaker TBR = Speaker.TopBackRight;

    // libavutil/channel_layout.c, channel_layout_map[] (names of ffmpeg 5.1 and the newer x.y.z names).
    private static readonly Dictionary<string, Speaker[]> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mono"] = [FC],
        ["stereo"] = [FL, FR],
        ["2.1"] = [FL, FR, LFE],
        ["3.0"] = [FL, FR, FC],
        ["3.0(back)"] = [FL, FR, BC],
        ["4.0"] = [FL, FR, FC, BC],
        ["quad"] = [FL, FR, BL, BR],
        ["quad(side)"] = [FL, FR, SL, SR],
        ["3.1"] = [FL, FR, FC, LFE],
        ["5.0"] = [FL, FR, FC, BL, BR],
        ["5.0(side)"] = [FL, FR, FC, SL, SR],
        ["4.1"] = [FL, FR, FC, LFE, BC],
        ["5.1"] = [FL, FR, FC, LFE, BL, BR],
        ["5.1(side)"] = [FL, FR, FC, LFE, SL, SR],
        ["6.0"] = [FL, FR, FC, BC, SL, SR],
        ["6.0(front)"] = [FL, FR, FLC, FRC, SL, SR],
        ["hexagonal"] = [FL, FR, FC, BL, BR, BC],
        ["6.1"] = [FL, FR, FC, LFE, BC, SL, SR],
        ["6.1(back)"] = [FL, FR, FC, LFE, BL, BR, BC],
        ["6.1(front)"] = [FL, FR, LFE, FLC, FRC, SL, SR],
        ["7.0"] = [FL, FR, FC, BL, BR, SL, SR],
        ["7.0(front)"] = [FL, FR, FC, FLC, FRC, SL, SR],
        ["7.1"] = [FL, FR, FC, LFE, BL, BR, SL, SR],
        ["7.1(wide)"] = [FL, FR, FC, LFE, BL, BR, FLC, FRC],
        ["7.1(wide-side)"] = [FL, FR, FC, LFE, FLC, FRC, SL, SR],
        ["7.1(top)"] = [FL, FR, FC, LFE, BL, BR, TFL, TFR],
        ["5.1.2(back)"] = [FL, FR, FC, LFE, BL, BR, TFL, TFR],
        ["octagonal"] = [FL, FR, FC, BL, BR, BC, SL, SR],
        ["5.1.4"] = [FL, FR, FC, LFE, BL, BR, TFL, TFR, TBL, TBR],
        ["7.1.2"] = [FL, FR, FC, LFE, BL, BR, SL, SR, TFL, TFR],
        ["7.1.4"] = [FL, FR, FC, LFE, BL, BR, SL, SR, TFL, TFR, TBL, TBR],
    };

    // Channel abbreviations of av_channel_name(); the ones without a Speaker become Unknown.
    private static readonly Dictionary<string, Speaker> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FL"] = FL,
        ["FR"] = FR,
        ["FC"] = FC,
        ["LFE"] = LFE,
        ["BL"] = BL,
        ["BR"] = BR,
        ["FLC"] = FLC,
        ["FRC"] = FRC,
        ["BC"] = BC,
        ["SL"] = SL,
        ["SR"] = SR,
        ["TC"] = Speaker.TopCenter,
        ["TFL"] = TFL,
        ["TFC"] = Speaker.TopFrontCenter,
        ["TFR"] = TFR,
        ["TBL"] = TBL,
        ["TBC"] = Speaker.TopBackCenter,
        ["TBR"] = TBR,
    };

    /// <summary>
    /// The layout ffprobe's <c>channel_layout</c> describes, or <see cref="ChannelLayout.Default"/> when the
    /// name is missing, unknown, or names a different number of channels.
    /// </summary>
    public static ChannelLayout FromName(string? name, int channels)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return ChannelLayout.Default(channels);
        }

        name = name.Trim();
        if (Named.TryGetValue(name, out var speakers))
        {
            return speakers.Length == channels ? new ChannelLayout(speakers) : ChannelLayout.Default(channels);
        }

        // "6 channels (FL+FR+FC+LFE+SL+SR)" for an unnamed mask, "FL+FR+LFE" for a custom order.
        var open = name.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0 && name.EndsWith(')'))
        {
            name = name[(open + 1)..^1];
        }

        if (!name.Contains('+', StringComparison.Ordinal) && !Abbreviations.ContainsKey(name))
        {
            return ChannelLayout.Default(channels);
        }

        var parts = name.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != channels)
        {
            return ChannelLayout.Default(channels);
        }

        return new ChannelLayout(parts.Select(p => Abbreviations.GetValueOrDefault(p, Speaker.Unknown)).ToArray());
    }
}
