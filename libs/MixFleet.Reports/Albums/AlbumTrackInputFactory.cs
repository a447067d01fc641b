using MixFleet.Analysis;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Albums;

/// <summary>Maps a track report (and, when analyzed, its analysis) to the album report's input.</summary>
public static class AlbumTrackInputFactory
{
    /// <summary>
    /// The input of one track. <paramref name="analysis"/> supplies the loudness data; without it
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
            Loudness = analysis is null ? null : AlbumLoudnessData.From(analysis.Loudness),
            LeadingSilenceSeconds = analysis?.Silence?.LeadingSeconds,
            TrailingSilenceSeconds = analysis?.Silence?.TrailingSeconds,
            SpectrumBands = analysis?.Spectrum?.Bands
                .Where(b => b.LevelDb is not null && b.HighHz > b.LowHz)
                .Select(b => new SpectrumBand { FrequencyHz = BandCentre(b.LowHz, b.HighHz), LevelDb = b.LevelDb!.Value })
                .ToArray(),
            Edges = report.Edges,
            Error = report.Error,
            Defects = report.Defects,
            DefectTotals = report.DefectTotals,
            CodecPreview = report.CodecPreview,
        };
    }

    /// <summary>
    /// The input of one track from a stored track report and the loudness data stored beside it (the fleet's album
    /// aggregation): silence and spectrum come from the report itself, so the audio is never decoded again. No data
    /// (a failed file) leaves the track out of the album loudness but keeps it in ordering and metadata.
    /// </summary>
    public static AlbumTrackInput FromStored(TrackReport report, AlbumLoudnessData? loudness)
    {
        ArgumentNullException.ThrowIfNull(report);
        return From(report, analysis: null) with
        {
            Loudness = loudness,
            LeadingSilenceSeconds = report.Silence?.LeadingSeconds,
            TrailingSilenceSeconds = report.Silence?.TrailingSeconds,
            SpectrumBands = report.Spectrum?.Bands
                .Where(b => b.LevelDb is not null && b.HighHz > b.LowHz)
                .Select(b => new SpectrumBand { FrequencyHz = BandCentre(b.LowHz, b.HighHz), LevelDb = b.LevelDb!.Value })
                .ToArray(),
        };
    }

    // Geometric centre of the band, the low edge clamped to 20 Hz (the DC band would sit at 0 Hz on a log axis).
    private static double BandCentre(double lowHz, double highHz) => Math.Sqrt(Math.Max(lowHz, 20) * highHz);
}
