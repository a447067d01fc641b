namespace MixFleet.Analysis;

/// <summary>How a track is measured.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The defaults: BS.1770 as written.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>
    /// Measure a mono file as dual-mono (+3 dB: one signal on two speakers) instead of BS.1770's single channel.
    /// Off by default, as in libebur128 and ffmpeg; a report states which was used.
    /// </summary>
    public bool DualMono { get; init; }

    /// <summary>
    /// Measure only loudness (integrated, LRA, momentary and short-term maxima) and sample/true peak, with the streaming
    /// preview derived from them: the fast path for a loudness gate. Dynamics, stereo, spectrum, clipping runs,
    /// silence, bit depth and mix readiness are left out (null).
    /// </summary>
    public bool LoudnessOnly { get; init; }

    /// <summary>
    /// How the true peak is measured: the accurate band-limited reconstruction (default, ≤ 0.03 dB) or BS.1770-4 Annex 2's
    /// ×4 interpolator as written (conformance; under-reads up to 0.69 dB near Nyquist).
    /// </summary>
    public Peaks.TruePeakMode TruePeak { get; init; } = Peaks.TruePeakMode.Reconstruction;

    /// <summary>
    /// The ceiling inter-sample over events (the <c>intersample-over</c> defects) are measured against, dBTP: every run of
    /// 10 ms segments whose reconstructed peak exceeds it is listed with its time and channel. Default -1 dBTP, the
    /// ceiling of the streaming, Apple and EBU R128 profiles; the CLI sets the profile's true-peak ceiling.
    /// </summary>
    public double OverCeilingDbtp { get; init; } = -1.0;

    /// <summary>Frames decoded per read: large enough to amortise calls, small enough to stay in cache.</summary>
    public int BlockFrames { get; init; } = 16_384;

    /// <summary>Chunk length in 10 ms segments (default 5 s): the unit of parallel work inside a track.</summary>
    public int ChunkSegments { get; init; } = 500;

    /// <summary>
    /// Pre-roll before each chunk, in seconds. The K-weighting's slowest pole (the 38 Hz high-pass) decays as
    /// e^(-2π·38·t): after 0.25 s what is left of an unknown start state is below 1e-25 of the signal, far under
    /// double precision, so a chunk starts exactly where a single pass would be.
    /// </summary>
    public double PreRollSeconds { get; init; } = 0.25;

    /// <summary>Most chunks of one track measured at once; null for the whole <see cref="Engine.CpuBudget"/>.</summary>
    public int? MaxChunkParallelism { get; init; }
}
