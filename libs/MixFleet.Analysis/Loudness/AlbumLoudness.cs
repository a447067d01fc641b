namespace MixFleet.Analysis.Loudness;

/// <summary>
/// Programme loudness of several tracks played in sequence: the gates run over the pooled blocks of all
/// tracks (BS.1770-4 treats the album as one programme), not over an average of track values. Each track contributes
/// its <see cref="LoudnessHistogram"/>s, so an album needs neither a second decode nor every block of every track.
/// </summary>
public static class AlbumLoudness
{
    /// <summary>Integrated loudness of the tracks together, or null when no block of any track passes the gates.</summary>
    public static double? IntegratedLufs(IEnumerable<LoudnessResult> tracks) =>
        IntegratedLufs(tracks.Select(t => t.BlockHistogram));

    /// <summary>Loudness range of the tracks together.</summary>
    public static double? LoudnessRangeLu(IEnumerable<LoudnessResult> tracks) =>
        LoudnessRangeLu(tracks.Select(t => t.ShortTermHistogram));

    /// <summary>Integrated loudness of the tracks' pooled block histograms, or null when no block passes the gates.</summary>
    public static double? IntegratedLufs(IEnumerable<LoudnessHistogram> blockHistograms) =>
        LoudnessHistogram.Pool(blockHistograms).IntegratedLufs();

    /// <summary>Loudness range of the tracks together, from their pooled short-term histograms.</summary>
    public static double? LoudnessRangeLu(IEnumerable<LoudnessHistogram> shortTermHistograms) =>
        LoudnessHistogram.Pool(shortTermHistograms).LoudnessRangeLu();
}
