namespace MixFleet.Reports.Qc;

/// <summary>
/// A QC profile: the thresholds tracks and albums are checked against. Every setting is optional; an unset
/// setting means "no such rule" (or the documented default for the album checks). The file format of custom
/// profiles (YAML or JSON) uses these names in camelCase: see docs/album-report.md.
/// </summary>
public sealed record QcProfile
{
    /// <summary>Default extra margin beyond the loudness tolerance that only warns.</summary>
    public const double DefaultWarnMarginLu = 1.0;

    /// <summary>Default deviation from the album loudness above which a track sticks out (warn).</summary>
    public const double DefaultMaxTrackDeviationLu = 4.0;

    /// <summary>Default loudness jump between consecutive tracks above which the transition warns.</summary>
    public const double DefaultMaxTransitionLu = 6.0;

    /// <summary>Default gap between tracks above which the gap warns.</summary>
    public const double DefaultMaxGapSeconds = 5.0;

    /// <summary>Profile name, e.g. <c>streaming</c>.</summary>
    public string? Name { get; init; }

    /// <summary>What the profile is for.</summary>
    public string? Description { get; init; }

    /// <summary>A built-in profile whose settings this one starts from (custom profiles only).</summary>
    public string? BasedOn { get; init; }

    /// <summary>Target integrated loudness per track, LUFS (with <see cref="ToleranceLu"/>).</summary>
    public double? TargetLufs { get; init; }

    /// <summary>Allowed deviation from <see cref="TargetLufs"/>, LU.</summary>
    public double? ToleranceLu { get; init; }

    /// <summary>Lowest allowed integrated loudness, LUFS (a range instead of a target).</summary>
    public double? MinLufs { get; init; }

    /// <summary>Highest allowed integrated loudness, LUFS.</summary>
    public double? MaxLufs { get; init; }

    /// <summary>How far beyond the allowed loudness a track only warns, LU (default 1).</summary>
    public double? WarnMarginLu { get; init; }

    /// <summary>True-peak ceiling, dBTP.</summary>
    public double? MaxTruePeakDbtp { get; init; }

    /// <summary>Sample-peak ceiling, dBFS.</summary>
    public double? MaxSamplePeakDbfs { get; init; }

    /// <summary>Sample-peak floor, dBFS (headroom a mix must leave for mastering has a lower end too).</summary>
    public double? MinSamplePeakDbfs { get; init; }

    /// <summary>Largest allowed loudness range, LU.</summary>
    public double? MaxLoudnessRangeLu { get; init; }

    /// <summary>Report the loudness range as a verdict even without a limit.</summary>
    public bool? ReportLoudnessRange { get; init; }

    /// <summary>Required sample rate, Hz.</summary>
    public int? SampleRate { get; init; }

    /// <summary>Required bit depth.</summary>
    public int? BitDepth { get; init; }

    /// <summary>Apply the CD Red Book limits (79:57 running time, 99 tracks, tracks of at least 4 s).</summary>
    public bool? RedBook { get; init; }

    /// <summary>Flag mixes that look limited (peak-to-loudness ratio too small).</summary>
    public bool? NoLimiting { get; init; }

    /// <summary>Deviation from the album loudness above which a track sticks out (warn), LU.</summary>
    public double? MaxTrackDeviationLu { get; init; }

    /// <summary>Loudness jump between consecutive tracks above which the transition warns, LU.</summary>
    public double? MaxTransitionLu { get; init; }

    /// <summary>Gap between tracks above which the gap warns, seconds.</summary>
    public double? MaxGapSeconds { get; init; }

    /// <summary>A missing ISRC fails instead of warning.</summary>
    public bool? RequireIsrc { get; init; }

    /// <summary>How the album's proposed fix picks its gain: <c>album</c> (default) or <c>loudest-track</c> (<see cref="AlbumGainModes"/>).</summary>
    public string? AlbumGainMode { get; init; }

    /// <summary>Defect kinds (docs/track-metrics.md, "Defects") any one of which fails a track.</summary>
    public IReadOnlyList<string>? FailDefects { get; init; }

    /// <summary>Defect kinds any one of which warns (a kind in both lists fails).</summary>
    public IReadOnlyList<string>? WarnDefects { get; init; }

    /// <summary>
    /// Run the codec preview (AAC 256 kb/s, Opus 160 kb/s) and judge it: rule <c>survives-encode-CODEC</c> per codec
    /// (<see cref="CodecRules"/>). On in <c>streaming</c> and <c>apple</c>.
    /// </summary>
    public bool? CodecCheck { get; init; }

    /// <summary>The ceiling the <c>intersample-over</c> defects are measured against: the true-peak ceiling, else the sample-peak ceiling; null for the analyzer's default.</summary>
    public double? OverCeilingDbtp => MaxTruePeakDbtp ?? MaxSamplePeakDbfs;

    /// <summary>The ceiling of the headroom table: the true-peak ceiling, else the sample-peak ceiling, else 0 dB.</summary>
    public double PeakCeilingDb => MaxTruePeakDbtp ?? MaxSamplePeakDbfs ?? 0.0;

    /// <summary>The loudness target line of plots: the target, else the middle of the allowed range; null when none.</summary>
    public double? TargetLineLufs => TargetLufs ?? (MinLufs is { } lo && MaxLufs is { } hi ? (lo + hi) / 2 : MinLufs ?? MaxLufs);

    private bool OwnsLoudness => TargetLufs is not null || ToleranceLu is not null || MinLufs is not null || MaxLufs is not null;

    /// <summary>This profile's settings over <paramref name="baseProfile"/>'s: a setting stated here wins.</summary>
    public QcProfile Over(QcProfile baseProfile)
    {
        ArgumentNullException.ThrowIfNull(baseProfile);
        return new QcProfile
        {
            Name = Name ?? baseProfile.Name,
            Description = Description ?? baseProfile.Description,
            BasedOn = BasedOn,
            // A loudness stated here (a target or a range) replaces the base's loudness rule as a whole.
            TargetLufs = OwnsLoudness ? TargetLufs : baseProfile.TargetLufs,
            ToleranceLu = OwnsLoudness ? ToleranceLu : baseProfile.ToleranceLu,
            MinLufs = OwnsLoudness ? MinLufs : baseProfile.MinLufs,
            MaxLufs = OwnsLoudness ? MaxLufs : baseProfile.MaxLufs,
            WarnMarginLu = WarnMarginLu ?? baseProfile.WarnMarginLu,
            MaxTruePeakDbtp = MaxTruePeakDbtp ?? baseProfile.MaxTruePeakDbtp,
            MaxSamplePeakDbfs = MaxSamplePeakDbfs ?? baseProfile.MaxSamplePeakDbfs,
            MinSamplePeakDbfs = MinSamplePeakDbfs ?? baseProfile.MinSamplePeakDbfs,
            MaxLoudnessRangeLu = MaxLoudnessRangeLu ?? baseProfile.MaxLoudnessRangeLu,
            ReportLoudnessRange = ReportLoudnessRange ?? baseProfile.ReportLoudnessRange,
            SampleRate = SampleRate ?? baseProfile.SampleRate,
            BitDepth = BitDepth ?? baseProfile.BitDepth,
            RedBook = RedBook ?? baseProfile.RedBook,
            NoLimiting = NoLimiting ?? baseProfile.NoLimiting,
            MaxTrackDeviationLu = MaxTrackDeviationLu ?? baseProfile.MaxTrackDeviationLu,
            MaxTransitionLu = MaxTransitionLu ?? baseProfile.MaxTransitionLu,
            MaxGapSeconds = MaxGapSeconds ?? baseProfile.MaxGapSeconds,
            RequireIsrc = RequireIsrc ?? baseProfile.RequireIsrc,
            AlbumGainMode = AlbumGainMode ?? baseProfile.AlbumGainMode,
            FailDefects = FailDefects ?? baseProfile.FailDefects,
            WarnDefects = WarnDefects ?? baseProfile.WarnDefects,
            CodecCheck = CodecCheck ?? baseProfile.CodecCheck,
        };
    }
}
