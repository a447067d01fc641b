namespace MixFleet.Analysis.Loudness;

/// <summary>A track's loudness (BS.1770-4 / EBU R128), with the block data an album measure needs.</summary>
public sealed record LoudnessResult
{
    /// <summary>Gated integrated loudness in LUFS; null when undefined (silence, shorter than 400 ms).</summary>
    public double? IntegratedLufs { get; init; }

    /// <summary>Loudness range (EBU Tech 3342) in LU; null when undefined (silence, shorter than 3 s).</summary>
    public double? LoudnessRangeLu { get; init; }

    /// <summary>Maximum momentary (400 ms) loudness in LUFS, read every 10 ms.</summary>
    public double? MomentaryMaxLufs { get; init; }

    /// <summary>Maximum short-term (3 s) loudness in LUFS, read every 100 ms.</summary>
    public double? ShortTermMaxLufs { get; init; }

    /// <summary>
    /// Weighted mean-square energy of every 400 ms gating block (100 ms hop), ungated. Album loudness gates the
    /// pooled blocks of all its tracks (see <see cref="Gating.IntegratedLufs"/>), so no track is decoded twice.
    /// </summary>
    public required double[] BlockEnergies { get; init; }

    /// <summary>Energy of every 3 s short-term window (100 ms hop), ungated: the input of LRA.</summary>
    public required double[] ShortTermEnergies { get; init; }

    /// <summary>The block energies as a 0.01 LU histogram: what an album keeps of a track (bounded size, pooled by <see cref="AlbumLoudness"/>).</summary>
    public LoudnessHistogram BlockHistogram => LoudnessHistogram.Of(BlockEnergies);

    /// <summary>The short-term energies as a 0.01 LU histogram, for album LRA.</summary>
    public LoudnessHistogram ShortTermHistogram => LoudnessHistogram.Of(ShortTermEnergies);
}
