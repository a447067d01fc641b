namespace MixFleet.Analysis.Delivery;

/// <summary>
/// The gain each streaming service's loudness normalization would apply (a pure function of integrated loudness
/// and true peak). Targets per STANDARDS.md "Delivery targets".
/// </summary>
/// <remarks>
/// Assumptions, from the services' published guidance as summarised in STANDARDS.md: Spotify (-14 LUFS) turns quiet
/// tracks up only as far as keeps the true peak at or below -1 dBTP (its default "normal" mode applies no limiter).
/// Apple Music Sound Check (≈ -16 LUFS) is assumed to turn up under the same -1 dBTP peak rule — Apple does not
/// document its up-gain ceiling. YouTube, Amazon Music, Tidal (-14) and Deezer (-15) only turn loud tracks down.
/// Album-mode normalization (Spotify, Tidal) is not modelled: the preview is per track.
/// </remarks>
public static class StreamingPreview
{
    /// <summary>The services previewed.</summary>
    public static IReadOnlyList<StreamingPlatform> Platforms { get; } =
    [
        new("Spotify", -14, TurnsUp: true, PeakCeilingDbtp: -1),
        new("Apple Music", -16, TurnsUp: true, PeakCeilingDbtp: -1),
        new("YouTube", -14, TurnsUp: false, PeakCeilingDbtp: -1),
        new("Amazon Music", -14, TurnsUp: false, PeakCeilingDbtp: -1),
        new("Tidal", -14, TurnsUp: false, PeakCeilingDbtp: -1),
        new("Deezer", -15, TurnsUp: false, PeakCeilingDbtp: -1),
    ];

    /// <summary>The gain of every service for a track.</summary>
    public static IReadOnlyList<StreamingGain> For(double? integratedLufs, double? truePeakDbtp) =>
        [.. Platforms.Select(p => For(p, integratedLufs, truePeakDbtp))];

    /// <summary>The gain of one service for a track.</summary>
    public static StreamingGain For(StreamingPlatform platform, double? integratedLufs, double? truePeakDbtp)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (integratedLufs is not { } loudness)
        {
            return new StreamingGain(platform, null, false, null);
        }

        var wanted = platform.TargetLufs - loudness;
        var gain = wanted;
        var limited = false;
        if (wanted > 0 && !platform.TurnsUp)
        {
            gain = 0;
        }
        else if (wanted > 0)
        {
            // Up-gain stops where the true peak reaches the ceiling (and never turns a track already above it down).
            var room = truePeakDbtp is { } tp ? Math.Max(0, platform.PeakCeilingDbtp - tp) : wanted;
            limited = room < wanted;
            gain = Math.Min(wanted, room);
        }

        return new StreamingGain(platform, gain, limited, truePeakDbtp + gain);
    }
}
