namespace MixFleet.Analysis.Defects;

/// <summary>A chunk's defect evidence.</summary>
/// <param name="Clicks">Clicks the chunk decided (those starting in its decision range), in time then channel order.</param>
/// <param name="Head">The track's first frames per channel (<see cref="DefectMetric.EdgeSeconds"/>); only in the chunk starting at frame 0.</param>
/// <param name="Tail">The chunk's last frames per channel, pre-roll included: the merge decides the track's last frames from the final chunk's.</param>
/// <param name="Channels">Channel sums for dual-mono and polarity; null unless the track has two channels.</param>
public sealed record DefectPartial(IReadOnlyList<Click> Clicks, float[][]? Head, float[][] Tail, ChannelSums? Channels)
{
    /// <summary>The track frame just after the chunk's last frame.</summary>
    public long End { get; init; }
}
