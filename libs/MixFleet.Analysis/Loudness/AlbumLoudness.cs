namespace MixFleet.Analysis.Loudness;

/// <summary>
/// Programme loudness of several tracks played in sequence: the gates run over the pooled blocks of all
/// tracks (BS.1770-4 treats the album as one programme), not over an average of track values.
/// </summary>
public static class AlbumLoudness
{
    /// <summary>Integrated loudness of the tracks together, or null when no block of any track passes the gates.</summary>
    public static double? IntegratedLufs(IEnumerable<LoudnessResult> tracks) =>
        Gating.IntegratedLufs(Pool(tracks, t => t.BlockEnergies));

    /// <summary>Loudness range of the tracks together, from their pooled short-term values.</summary>
    public static double? LoudnessRangeLu(IEnumerable<LoudnessResult> tracks) =>
        LoudnessRange.ComputeLu(Pool(tracks, t => t.ShortTermEnergies));

    private static double[] Pool(IEnumerable<LoudnessResult> tracks, Func<LoudnessResult, double[]> select)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        return tracks.SelectMany(select).ToArray();
    }
}
