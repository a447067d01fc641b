namespace MixFleet.Analysis.Peaks;

/// <summary>How the true peak is measured.</summary>
public enum TruePeakMode
{
    /// <summary>
    /// The default: band-limited reconstruction on an 8× grid (two-stage polyphase, <see cref="TruePeakReconstructor"/>)
    /// with a parabolic refinement of each local maximum; worst-case error ≤ 0.03 dB up to 0.4535·fs (20 kHz at 44.1 kHz).
    /// </summary>
    Reconstruction,

    /// <summary>ITU-R BS.1770-4 Annex 2 as written (48-tap ×4 interpolator, <see cref="TruePeakInterpolator"/>), for conformance.</summary>
    Bs1770,
}
