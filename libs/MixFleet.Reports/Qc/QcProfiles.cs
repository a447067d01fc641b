namespace MixFleet.Reports.Qc;

/// <summary>The built-in QC profiles (docs/album-report.md; targets from docs in /work/shared/STANDARDS.md).</summary>
public static class QcProfiles
{
    /// <summary>What fails a delivered master: a click, a dropout, an inverted channel.</summary>
    public static IReadOnlyList<string> DeliveryFailDefects { get; } = ["click", "dropout", "polarity"];

    /// <summary>
    /// What a delivered master is checked for: an edge cut mid-waveform (a hard start on a hit can be meant), dual-mono
    /// (often a mistake, sometimes a mono recording), DC offset, clipped runs.
    /// </summary>
    public static IReadOnlyList<string> DeliveryWarnDefects { get; } = ["abrupt-start", "abrupt-end", "dual-mono", "dc-offset", "clipping"];

    /// <summary>No delivery target: measure, and run only the album checks (ordering, sequencing, metadata).</summary>
    public static QcProfile None { get; } = new() { Name = "none", Description = "Album checks only; no loudness or peak target." };

    /// <summary>Spotify, YouTube, Amazon Music, Tidal: -14 LUFS ±1 LU, true peak ≤ -1 dBTP.</summary>
    public static QcProfile Streaming { get; } = new()
    {
        Name = "streaming", Description = "Streaming services: -14 LUFS ±1 LU, true peak ≤ -1 dBTP, also after an AAC/Opus encode.",
        TargetLufs = -14, ToleranceLu = 1, MaxTruePeakDbtp = -1, CodecCheck = true,
        FailDefects = DeliveryFailDefects, WarnDefects = DeliveryWarnDefects,
    };

    /// <summary>Apple Music (Sound Check): -16 LUFS ±1 LU, true peak ≤ -1 dBTP.</summary>
    public static QcProfile Apple { get; } = new()
    {
        Name = "apple", Description = "Apple Music Sound Check: -16 LUFS ±1 LU, true peak ≤ -1 dBTP, also after an AAC/Opus encode.",
        TargetLufs = -16, ToleranceLu = 1, MaxTruePeakDbtp = -1, CodecCheck = true,
        FailDefects = DeliveryFailDefects, WarnDefects = DeliveryWarnDefects,
    };

    /// <summary>EBU R128 broadcast: -23 LUFS ±0.5 LU, true peak ≤ -1 dBTP, LRA reported.</summary>
    public static QcProfile EbuR128 { get; } = new()
    {
        Name = "ebu-r128", Description = "EBU R128: -23 LUFS ±0.5 LU, true peak ≤ -1 dBTP, loudness range reported.",
        TargetLufs = -23, ToleranceLu = 0.5, MaxTruePeakDbtp = -1, ReportLoudnessRange = true,
        FailDefects = DeliveryFailDefects, WarnDefects = DeliveryWarnDefects,
    };

    /// <summary>ATSC A/85: -24 LKFS ±2 dB, true peak ≤ -2 dBTP.</summary>
    public static QcProfile AtscA85 { get; } = new()
    {
        Name = "atsc-a85", Description = "ATSC A/85: -24 LKFS ±2 dB, true peak ≤ -2 dBTP.",
        TargetLufs = -24, ToleranceLu = 2, MaxTruePeakDbtp = -2,
        FailDefects = DeliveryFailDefects, WarnDefects = DeliveryWarnDefects,
    };

    /// <summary>CD master: 44.1 kHz/16-bit, Red Book limits, sample peak ≤ 0 dBFS.</summary>
    public static QcProfile Cd { get; } = new()
    {
        Name = "cd", Description = "CD master: 44.1 kHz/16-bit, Red Book limits (79:57, 99 tracks, ≥ 4 s), sample peak ≤ 0 dBFS.",
        SampleRate = 44_100, BitDepth = 16, RedBook = true, MaxSamplePeakDbfs = 0,
        FailDefects = DeliveryFailDefects, WarnDefects = DeliveryWarnDefects,
    };

    /// <summary>A mix sent to mastering: peaks -6 to -3 dBFS, -23 to -18 LUFS, no limiting.</summary>
    public static QcProfile MixForMastering { get; } = new()
    {
        Name = "mix-for-mastering", Description = "Mix for mastering: peaks -6 to -3 dBFS, -23 to -18 LUFS, no limiting.",
        MinLufs = -23, MaxLufs = -18, MinSamplePeakDbfs = -6, MaxSamplePeakDbfs = -3, NoLimiting = true,
        FailDefects = ["click", "dropout", "polarity", "clipping"], WarnDefects = ["abrupt-start", "abrupt-end", "dual-mono", "dc-offset"],
    };

    /// <summary>Every built-in profile by name.</summary>
    public static IReadOnlyDictionary<string, QcProfile> All { get; } = new[] { None, Streaming, Apple, EbuR128, AtscA85, Cd, MixForMastering }
        .ToDictionary(p => p.Name!, StringComparer.OrdinalIgnoreCase);
}
