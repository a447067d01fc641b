using MixFleet.Analysis;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Albums;

/// <summary>Maps a track report (and, when analyzed, its analysis) to the album report's input.</summary>
public static class AlbumTrackInputFactory
{
    /// <summary>
    /// The input of one track. <paramref name="analysis"/> supplies the block and short-term energies; without it
    /// (a failed file) the track still counts for ordering and metadata.
    /// </summary>
    public static AlbumTrackInput From(TrackReport report, TrackAnalysis? analysis)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new AlbumTrackInput
        {
            Path = report.Path,
            Album = report.Album,
            Tags = report.Tags,
            Format = report.Format,
            IntegratedLufs = report.Loudness?.IntegratedLufs,
            LoudnessRangeLu = report.Loudness?.LoudnessRangeLu,
            TruePeakDbtp = report.Peaks?.TruePeakDbtp,
            SamplePeakDbfs = report.Peaks?.SamplePeakDbfs,
            DurationSeconds = report.Format?.DurationSeconds,
            BlockEnergies = analysis?.Loudness.BlockEnergies ?? [],
            ShortTermEnergies = analysis?.Loudness.ShortTermEnergies ?? [],
            LeadingSilenceSeconds = analysis?.Silence?.LeadingSeconds,
            TrailingSilenceSeconds = analysis?.Silence?.TrailingSeconds,
            SpectrumBands = analysis?.Spectrum?.Bands
                .Where(b => b.LevelDb is not null && b.HighHz > b.LowHz)
                .Select(b => new SpectrumBand { FrequencyHz = Math.Sqrt(Math.Max(b.LowHz, 20) * b.HighHz), LevelDb = b.LevelDb!.Value })
                .ToArray(),
            Error = report.Error,
        };
    }
}
