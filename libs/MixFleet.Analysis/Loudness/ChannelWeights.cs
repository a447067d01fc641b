using MixFleet.Audio;

namespace MixFleet.Analysis.Loudness;

/// <summary>The channel weights Gᵢ of ITU-R BS.1770-4 §2.4 (Table 3).</summary>
public static class ChannelWeights
{
    /// <summary>Weight of the surround channels: +1.5 dB, written 1.41 in BS.1770-4 Table 3.</summary>
    public const double Surround = 1.41;

    /// <summary>
    /// Weight per channel. Left, right, centre and every other frontal or unknown channel weigh 1.0; side and back
    /// left/right (azimuth 60°–120°, Table 3) weigh 1.41; the LFE channel is excluded (0).
    /// A mono file weighs 1.0 as BS.1770 is written (as libebur128 and ffmpeg do); with <paramref name="dualMono"/>
    /// it weighs 2.0 (+3 dB: one signal played on two speakers).
    /// </summary>
    public static double[] For(ChannelLayout layout, bool dualMono = false)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Speakers.Count == 1)
        {
            return [dualMono ? 2.0 : 1.0];
        }

        return layout.Speakers.Select(Weight).ToArray();
    }

    private static double Weight(Speaker speaker) => speaker switch
    {
        Speaker.LowFrequency => 0.0,
        Speaker.BackLeft or Speaker.BackRight or Speaker.SideLeft or Speaker.SideRight => Surround,
        _ => 1.0,
    };
}
