using System.Globalization;

namespace MixFleet.Reports.Qc;

/// <summary>Checks a profile's settings for values no delivery target can have.</summary>
public static class QcProfileValidator
{
    private static readonly int[] BitDepths = [8, 16, 20, 24, 32, 64];

    /// <summary>Every problem of the profile, one line each; empty when it is valid.</summary>
    public static IEnumerable<string> Problems(QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (string.IsNullOrWhiteSpace(profile.Name))
        {
            yield return "'name' is required.";
        }

        if (profile.TargetLufs is not null && (profile.MinLufs is not null || profile.MaxLufs is not null))
        {
            yield return "state either 'targetLufs' (with 'toleranceLu') or 'minLufs'/'maxLufs', not both.";
        }

        if (profile.TargetLufs is null && profile.ToleranceLu is not null)
        {
            yield return "'toleranceLu' needs 'targetLufs'.";
        }

        if (profile.TargetLufs is not null && profile.ToleranceLu is null)
        {
            yield return "'targetLufs' needs 'toleranceLu'.";
        }

        foreach (var problem in Range("targetLufs", profile.TargetLufs, -70, 0)
            .Concat(Range("minLufs", profile.MinLufs, -70, 0))
            .Concat(Range("maxLufs", profile.MaxLufs, -70, 0))
            .Concat(Range("toleranceLu", profile.ToleranceLu, 0.01, 20))
            .Concat(Range("warnMarginLu", profile.WarnMarginLu, 0, 20))
            .Concat(Range("maxTruePeakDbtp", profile.MaxTruePeakDbtp, -60, 6))
            .Concat(Range("maxSamplePeakDbfs", profile.MaxSamplePeakDbfs, -60, 6))
            .Concat(Range("minSamplePeakDbfs", profile.MinSamplePeakDbfs, -60, 6))
            .Concat(Range("maxLoudnessRangeLu", profile.MaxLoudnessRangeLu, 0.1, 50))
            .Concat(Range("maxTrackDeviationLu", profile.MaxTrackDeviationLu, 0.1, 50))
            .Concat(Range("maxTransitionLu", profile.MaxTransitionLu, 0.1, 50))
            .Concat(Range("maxGapSeconds", profile.MaxGapSeconds, 0, 600))
            .Concat(Range("sampleRate", profile.SampleRate, 8_000, 768_000)))
        {
            yield return problem;
        }

        if (profile.MinLufs is { } lo && profile.MaxLufs is { } hi && lo >= hi)
        {
            yield return Invariant($"'minLufs' ({lo}) must be below 'maxLufs' ({hi}).");
        }

        if (profile.MinSamplePeakDbfs is { } pLo && profile.MaxSamplePeakDbfs is { } pHi && pLo >= pHi)
        {
            yield return Invariant($"'minSamplePeakDbfs' ({pLo}) must be below 'maxSamplePeakDbfs' ({pHi}).");
        }

        if (profile.AlbumGainMode is { } mode && !AlbumGainModes.IsKnown(mode))
        {
            yield return $"'albumGainMode' must be one of {string.Join(", ", AlbumGainModes.All)} (got '{mode}').";
        }

        foreach (var kind in (profile.FailDefects ?? []).Concat(profile.WarnDefects ?? []).Where(k => !Analysis.Defects.DefectKinds.All.Contains(k)))
        {
            yield return Invariant($"'{kind}' in 'failDefects'/'warnDefects' is not a defect kind ({string.Join(", ", Analysis.Defects.DefectKinds.All)}).");
        }

        if (profile.BitDepth is { } bits && !BitDepths.Contains(bits))
        {
            yield return Invariant($"'bitDepth' must be one of {string.Join(", ", BitDepths)} (got {bits}).");
        }
    }

    private static IEnumerable<string> Range(string name, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            yield return Invariant($"'{name}' must be between {min} and {max} (got {v}).");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
