using MixFleet.Reports.Albums;

namespace MixFleet.Reports.Qc;

/// <summary>
/// The proposed fix for a profile's loudness target (docs/album-report.md, "Proposed fix"): per track, the gain that
/// brings it to the target; per album, one gain for all tracks (from the album loudness, or from the loudest track).
/// The resulting true peak is the measured one plus the gain (a gain moves every peak by the same dB); limiting is
/// needed when that exceeds the profile's ceiling.
/// </summary>
public static class ProposedFixes
{
    /// <summary>
    /// The loudness a track or album at <paramref name="measuredLufs"/> should reach: the profile's target, else the
    /// nearest edge of its range (the measured value inside it: no change); null when the profile has no loudness rule.
    /// </summary>
    public static double? TargetFor(QcProfile profile, double measuredLufs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.TargetLufs is { } target)
        {
            return target;
        }

        if (profile.MinLufs is null && profile.MaxLufs is null)
        {
            return null;
        }

        return Math.Clamp(measuredLufs, profile.MinLufs ?? double.NegativeInfinity, profile.MaxLufs ?? double.PositiveInfinity);
    }

    /// <summary>The track's own fix; null without a loudness rule or a measured loudness.</summary>
    public static GainFix? ForTrack(AlbumTrackInput track, QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.Error is null && track.IntegratedLufs is { } lufs && TargetFor(profile, lufs) is { } target
            ? WithGain(track, target, target - lufs, profile)
            : null;
    }

    /// <summary>The album's one gain; null without a loudness rule or a measured album loudness.</summary>
    /// <param name="tracks">The analyzed tracks.</param>
    /// <param name="albumLufs">Album integrated loudness (pooled blocks).</param>
    /// <param name="albumTruePeakDbtp">The album's highest true peak.</param>
    /// <param name="profile">The profile: target, ceiling and <see cref="QcProfile.AlbumGainMode"/>.</param>
    public static AlbumGainFix? ForAlbum(IReadOnlyList<AlbumTrackInput> tracks, double? albumLufs, double? albumTruePeakDbtp, QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(profile);
        var mode = profile.AlbumGainMode ?? AlbumGainModes.Album;
        var reference = mode == AlbumGainModes.LoudestTrack
            ? tracks.Where(t => t.Error is null).Select(t => t.IntegratedLufs).OfType<double>().DefaultIfEmpty(double.NaN).Max()
            : albumLufs ?? double.NaN;
        if (double.IsNaN(reference) || TargetFor(profile, reference) is not { } target)
        {
            return null;
        }

        var gain = target - reference;
        var limited = tracks.Count(t => t.Error is null && NeedsLimiting(t, gain, profile));
        return new AlbumGainFix
        {
            Mode = mode,
            ReferenceLufs = Round(reference),
            TargetLufs = Round(target),
            GainDb = Round(gain),
            ResultingLufs = albumLufs is { } a ? Round(a + gain) : null,
            ResultingTruePeakDbtp = albumTruePeakDbtp is { } tp ? Round(tp + gain) : null,
            NeedsLimiting = limited > 0,
            TracksNeedingLimiting = limited,
        };
    }

    /// <summary>A track under the album's gain: its balance against the other tracks is kept.</summary>
    public static GainFix? UnderAlbumGain(AlbumTrackInput track, AlbumGainFix? album, QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(track);
        return album is not null && track.Error is null && track.IntegratedLufs is not null
            ? WithGain(track, album.TargetLufs, album.GainDb, profile)
            : null;
    }

    private static GainFix WithGain(AlbumTrackInput track, double target, double gain, QcProfile profile) => new()
    {
        TargetLufs = Round(target),
        GainDb = Round(gain),
        ResultingLufs = Round(track.IntegratedLufs!.Value + gain),
        ResultingTruePeakDbtp = track.TruePeakDbtp is { } tp ? Round(tp + gain) : null,
        NeedsLimiting = NeedsLimiting(track, gain, profile),
    };

    // The ceiling the headroom table uses: a true-peak ceiling against the true peak; a sample-peak-only ceiling (cd,
    // mix-for-mastering) against the sample peak; no ceiling at all: full scale against the true peak.
    private static bool NeedsLimiting(AlbumTrackInput track, double gain, QcProfile profile)
    {
        var peak = profile.MaxTruePeakDbtp is null && profile.MaxSamplePeakDbfs is not null ? track.SamplePeakDbfs : track.TruePeakDbtp;
        return peak is { } p && Math.Round(p + gain, 2) > profile.PeakCeilingDb;
    }

    // + 0.0 turns a rounded -0 into 0, so a report never shows "-0".
    private static double Round(double value) => Math.Round(value, 2) + 0.0;
}
