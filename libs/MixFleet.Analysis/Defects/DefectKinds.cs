namespace MixFleet.Analysis.Defects;

/// <summary>The kinds of defect a track report lists (docs/track-metrics.md, "Defects").</summary>
public static class DefectKinds
{
    /// <summary>An isolated discontinuity standing out from the local signal.</summary>
    public const string Click = "click";

    /// <summary>Digital silence of at least 10 ms inside the audio.</summary>
    public const string Dropout = "dropout";

    /// <summary>The audio starts far from zero, with no fade-in.</summary>
    public const string AbruptStart = "abrupt-start";

    /// <summary>The audio ends far from zero, with no fade-out.</summary>
    public const string AbruptEnd = "abrupt-end";

    /// <summary>A stereo file whose channels are identical.</summary>
    public const string DualMono = "dual-mono";

    /// <summary>A stereo file with one channel's polarity inverted (L ≈ −R).</summary>
    public const string Polarity = "polarity";

    /// <summary>A channel whose mean is far from zero.</summary>
    public const string DcOffset = "dc-offset";

    /// <summary>The reconstructed waveform above the over ceiling.</summary>
    public const string InterSampleOver = "intersample-over";

    /// <summary>A run of samples at full scale.</summary>
    public const string Clipping = "clipping";

    /// <summary>Every kind, in the order reports list their totals.</summary>
    public static IReadOnlyList<string> All { get; } = [Click, Dropout, AbruptStart, AbruptEnd, DualMono, Polarity, DcOffset, InterSampleOver, Clipping];
}
