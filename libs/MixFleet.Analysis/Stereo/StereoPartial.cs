namespace MixFleet.Analysis.Stereo;

/// <summary>A chunk's stereo sums per 100 ms sub-block of the global grid, and its mono fold-down's loudness segments.</summary>
/// <param name="FirstBlock">Index of the first 100 ms sub-block the chunk overlaps.</param>
/// <param name="LeftSquares">ΣL² per overlapped sub-block (the chunk's part of it).</param>
/// <param name="RightSquares">ΣR² per overlapped sub-block.</param>
/// <param name="Products">ΣL·R per overlapped sub-block.</param>
public sealed record StereoPartial(long FirstBlock, double[] LeftSquares, double[] RightSquares, double[] Products);
