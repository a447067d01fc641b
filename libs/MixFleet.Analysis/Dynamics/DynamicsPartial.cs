namespace MixFleet.Analysis.Dynamics;

/// <summary>A chunk's share of the 3 s DR blocks it overlaps (blocks on the track's global grid).</summary>
/// <param name="FirstBlock">Index of the first block the chunk overlaps.</param>
/// <param name="Frames">The chunk's own frame count.</param>
/// <param name="BlockSquares">Σx² per channel per overlapped block (the chunk's part of it).</param>
/// <param name="BlockPeaks">Largest |x| per channel per overlapped block (the chunk's part of it).</param>
public sealed record DynamicsPartial(long FirstBlock, int Frames, double[][] BlockSquares, float[][] BlockPeaks);
