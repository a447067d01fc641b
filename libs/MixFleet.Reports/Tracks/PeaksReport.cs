namespace MixFleet.Reports.Tracks;

/// <summary>Peak levels; null for digital silence.</summary>
public sealed record PeaksReport
{
    /// <summary>Largest sample, dBFS.</summary>
    public double? SamplePeakDbfs { get; init; }

    /// <summary>True peak, dBTP, measured as <see cref="TruePeakMethod"/> says.</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>
    /// Points per sample of the true-peak grid: 8 for "reconstruction" (refined between grid points); for "bs1770" 4
    /// below 96 kHz, 2 below 192 kHz, else 1.
    /// </summary>
    public int TruePeakOversampling { get; init; }

    /// <summary>
    /// "reconstruction" (the default: band-limited reconstruction, within 0.03 dB) or "bs1770" (BS.1770-4 Annex 2's ×4
    /// interpolator as written).
    /// </summary>
    public string TruePeakMethod { get; init; } = "reconstruction";

    /// <summary>The ceiling the <c>intersample-over</c> defects were measured against, dBTP; null when defects were not measured.</summary>
    public double? OverCeilingDbtp { get; init; }
}
