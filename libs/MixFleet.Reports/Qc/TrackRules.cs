using System.Globalization;
using MixFleet.Reports.Albums;

namespace MixFleet.Reports.Qc;

/// <summary>The profile's per-track rules: loudness, peaks, loudness range, format, CD track length, limiting.</summary>
public static class TrackRules
{
    /// <summary>Peak-to-loudness ratio below which a mix looks limited (fail), dB.</summary>
    public const double LimitedPlrDb = 8.0;

    /// <summary>Peak-to-loudness ratio below which a mix may be limited (warn), dB.</summary>
    public const double MaybeLimitedPlrDb = 10.0;

    /// <summary>Every verdict of the profile on the track.</summary>
    public static IEnumerable<RuleVerdict> Evaluate(AlbumTrackInput track, QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(profile);
        if (track.Error is { } error)
        {
            // A file that could not be analyzed fails the gate: nothing about it is known to be right.
            yield return new RuleVerdict { Rule = "analyzed", Status = VerdictStatus.Fail, Measured = error.Code, Threshold = "readable", Reason = $"could not be analyzed: {error.Code}" };
            yield break;
        }

        if (Loudness(track.IntegratedLufs, profile) is { } loudness)
        {
            yield return loudness;
        }

        if (profile.MaxTruePeakDbtp is { } tpMax)
        {
            yield return Ceiling("true-peak", track.TruePeakDbtp, tpMax, "dBTP", "true peak");
        }

        if (profile.MaxSamplePeakDbfs is { } spMax)
        {
            yield return Ceiling("sample-peak", track.SamplePeakDbfs, spMax, "dBFS", "sample peak");
        }

        if (profile.MinSamplePeakDbfs is { } spMin && track.SamplePeakDbfs is { } sp)
        {
            yield return sp >= spMin
                ? Verdicts.Of("sample-peak-floor", VerdictStatus.Pass, sp, "dBFS", Invariant($"≥ {spMin:0.0} dBFS"), "peaks leave no more headroom than asked")
                : Verdicts.Of("sample-peak-floor", VerdictStatus.Warn, sp, "dBFS", Invariant($"≥ {spMin:0.0} dBFS"), Invariant($"peaks {spMin - sp:0.0} dB below the floor: more headroom than needed"));
        }

        if (LoudnessRange(track.LoudnessRangeLu, profile) is { } lra)
        {
            yield return lra;
        }

        foreach (var verdict in FormatRules(track, profile))
        {
            yield return verdict;
        }

        foreach (var verdict in DefectRules.Evaluate(track, profile))
        {
            yield return verdict;
        }

        foreach (var verdict in CodecRules.Evaluate(track, profile))
        {
            yield return verdict;
        }

        if (profile.NoLimiting == true && track.TruePeakDbtp is { } tp && track.IntegratedLufs is { } il)
        {
            // Peak-to-loudness ratio (true peak minus integrated): a limited mix squeezes it below ~8-10 dB.
            var plr = tp - il;
            var status = plr < LimitedPlrDb ? VerdictStatus.Fail : plr < MaybeLimitedPlrDb ? VerdictStatus.Warn : VerdictStatus.Pass;
            yield return Verdicts.Of("no-limiting", status, plr, "dB PLR", Invariant($"PLR ≥ {MaybeLimitedPlrDb:0} dB"), status == VerdictStatus.Pass
                ? "peak-to-loudness ratio of an unlimited mix"
                : "peak-to-loudness ratio this small suggests a limiter on the mix bus");
        }
    }

    private static RuleVerdict? Loudness(double? integrated, QcProfile profile)
    {
        var margin = profile.WarnMarginLu ?? QcProfile.DefaultWarnMarginLu;
        string threshold;
        double low, high;
        if (profile.TargetLufs is { } target)
        {
            var tolerance = profile.ToleranceLu ?? 0;
            (low, high) = (target - tolerance, target + tolerance);
            threshold = Invariant($"{target:0.0} ± {tolerance:0.0} LUFS");
        }
        else if (profile.MinLufs is not null || profile.MaxLufs is not null)
        {
            (low, high) = (profile.MinLufs ?? double.NegativeInfinity, profile.MaxLufs ?? double.PositiveInfinity);
            threshold = Invariant($"{profile.MinLufs?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-∞"} to {profile.MaxLufs?.ToString("0.0", CultureInfo.InvariantCulture) ?? "+∞"} LUFS");
        }
        else
        {
            return null;
        }

        if (integrated is not { } value)
        {
            return Verdicts.Of("loudness", VerdictStatus.Warn, null, "LUFS", threshold, "integrated loudness undefined (silence, or shorter than 400 ms)");
        }

        var outside = value < low ? low - value : value > high ? value - high : 0;
        var status = outside == 0 ? VerdictStatus.Pass : outside <= margin ? VerdictStatus.Warn : VerdictStatus.Fail;
        var reason = outside == 0 ? "within the target" : Invariant($"{outside:0.0} LU {(value > high ? "too loud" : "too quiet")}{(status == VerdictStatus.Warn ? " (within the warn margin)" : string.Empty)}");
        return Verdicts.Of("loudness", status, value, "LUFS", threshold, reason);
    }

    private static RuleVerdict Ceiling(string rule, double? value, double ceiling, string unit, string what) => value is not { } v
        ? Verdicts.Of(rule, VerdictStatus.Pass, null, unit, Invariant($"≤ {ceiling:0.0} {unit}"), "digital silence")
        : v <= ceiling
            ? Verdicts.Of(rule, VerdictStatus.Pass, v, unit, Invariant($"≤ {ceiling:0.0} {unit}"), Invariant($"{ceiling - v:0.0} dB below the ceiling"))
            : Verdicts.Of(rule, VerdictStatus.Fail, v, unit, Invariant($"≤ {ceiling:0.0} {unit}"), Invariant($"{what} {v - ceiling:0.0} dB over the ceiling"));

    private static RuleVerdict? LoudnessRange(double? lra, QcProfile profile)
    {
        if (profile.MaxLoudnessRangeLu is { } max)
        {
            return lra is { } v && v > max
                ? Verdicts.Of("loudness-range", VerdictStatus.Fail, v, "LU", Invariant($"≤ {max:0.0} LU"), Invariant($"{v - max:0.0} LU more range than allowed"))
                : Verdicts.Of("loudness-range", VerdictStatus.Pass, lra, "LU", Invariant($"≤ {max:0.0} LU"), lra is null ? "undefined (silence or < 3 s)" : "within the limit");
        }

        return profile.ReportLoudnessRange == true
            ? Verdicts.Of("loudness-range", VerdictStatus.Pass, lra, "LU", "reported", "reported, no limit")
            : null;
    }

    private static IEnumerable<RuleVerdict> FormatRules(AlbumTrackInput track, QcProfile profile)
    {
        if (profile.SampleRate is { } rate && track.Format is { } f)
        {
            yield return f.SampleRate == rate
                ? Verdicts.Of("sample-rate", VerdictStatus.Pass, f.SampleRate, "Hz", Invariant($"{rate} Hz"), "as required")
                : Verdicts.Of("sample-rate", VerdictStatus.Fail, f.SampleRate, "Hz", Invariant($"{rate} Hz"), Invariant($"{f.SampleRate} Hz, {rate} Hz required"));
        }

        if (profile.BitDepth is { } bits && track.Format is { } g)
        {
            yield return g.BitDepth == bits
                ? Verdicts.Of("bit-depth", VerdictStatus.Pass, bits, "bit", Invariant($"{bits}-bit"), "as required")
                : Verdicts.Of("bit-depth", VerdictStatus.Fail, g.BitDepth, "bit", Invariant($"{bits}-bit"), g.BitDepth is { } b ? Invariant($"{b}-bit, {bits}-bit required") : "lossy codec: no bit depth");
        }

        if (profile.RedBook == true && track.DurationSeconds is { } d)
        {
            yield return d >= Albums.SequencingReport.CdMinTrackSeconds
                ? Verdicts.Of("cd-track-length", VerdictStatus.Pass, d, "s", "≥ 4.0 s", "long enough for a CD track")
                : Verdicts.Of("cd-track-length", VerdictStatus.Fail, d, "s", "≥ 4.0 s", "Red Book tracks last at least 4 s");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
