namespace MixFleet.Audio.Flac;

/// <summary>
/// FLAC's channel order for 1–8 channels (RFC 9639 §9.1.3): mono; L R; L R C; FL FR BL BR; FL FR C BL BR;
/// FL FR C LFE BL BR; FL FR C LFE BC SL SR; FL FR C LFE BL BR SL SR.
/// </summary>
internal static class FlacChannelLayouts
{
    public static ChannelLayout Default(int channels) => channels switch
    {
        7 => new([Speaker.FrontLeft, Speaker.FrontRight, Speaker.FrontCenter, Speaker.LowFrequency, Speaker.BackCenter, Speaker.SideLeft, Speaker.SideRight]),
        // 1–6 and 8 are the orders ChannelLayout.Default already states (the WAVE/SMPTE orders).
        _ => ChannelLayout.Default(channels),
    };
}
