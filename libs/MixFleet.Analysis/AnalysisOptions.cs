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

    /// <summary>Frames decoded per block: large enough to amortise calls, small enough to stay in cache.</summary>
    public int BlockFrames { get; init; } = 16_384;
}
