using MixFleet.Analysis;
using MixFleet.Analysis.Peaks;
using MixFleet.Audio;

namespace MixFleet.Reports.Tracks;

/// <summary>Builds track reports from measurements or failures. Values are rounded to 0.01 dB / LU.</summary>
public static class TrackReportFactory
{
    /// <summary>The report of an analyzed track.</summary>
    public static TrackReport FromAnalysis(string path, string album, TrackAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new TrackReport
        {
            Path = path,
            Album = album,
            Format = Format(analysis.Format, analysis.DurationSeconds) with { EffectiveBitDepth = analysis.BitDepth?.EffectiveBitDepth },
            Tags = Tags(analysis.Format.Tags),
            Loudness = new LoudnessReport
            {
                IntegratedLufs = Round(analysis.Loudness.IntegratedLufs),
                LoudnessRangeLu = Round(analysis.Loudness.LoudnessRangeLu),
                MomentaryMaxLufs = Round(analysis.Loudness.MomentaryMaxLufs),
                ShortTermMaxLufs = Round(analysis.Loudness.ShortTermMaxLufs),
                DualMono = analysis.DualMono,
            },
            Peaks = new PeaksReport
            {
                SamplePeakDbfs = Round(analysis.Peaks.SamplePeakDbfs),
                TruePeakDbtp = Round(analysis.Peaks.TruePeakDbtp),
                TruePeakOversampling = analysis.Peaks.Oversampling,
                TruePeakMethod = analysis.Peaks.Mode == TruePeakMode.Bs1770 ? "bs1770" : "reconstruction",
                OverCeilingDbtp = analysis.Defects is null ? null : Round(analysis.Peaks.OverCeilingDbtp),
            },
            Dynamics = MetricReports.Dynamics(analysis.Dynamics),
            Stereo = MetricReports.Stereo(analysis.Stereo),
            Spectrum = MetricReports.Spectrum(analysis.Spectrum),
            Clipping = MetricReports.Clipping(analysis.Clipping),
            Silence = MetricReports.Silence(analysis.Silence),
            Streaming = MetricReports.Streaming(analysis.Streaming),
            MixReadiness = MetricReports.MixReadiness(analysis.MixReadiness),
            Edges = EdgesReport.From(analysis.Edges),
            Defects = MetricReports.Defects(analysis.Defects),
            DefectTotals = analysis.Defects?.Totals,
        };
    }

    /// <summary>The report of a track that could not be analyzed; <paramref name="info"/> when the header was read.</summary>
    public static TrackReport FromError(string path, string album, string code, string message, AudioStreamInfo? info = null) => new()
    {
        Path = path,
        Album = album,
        Format = info is null ? null : Format(info, info.DurationSeconds),
        Tags = info is null ? null : Tags(info.Tags),
        Error = new ErrorReport { Code = code, Message = message },
    };

    private static FormatReport Format(AudioStreamInfo info, double? durationSeconds) => new()
    {
        Container = info.Container,
        Codec = info.Codec,
        SampleRate = info.SampleRate,
        Channels = info.Channels,
        ChannelLayout = info.Layout.Name,
        BitDepth = info.BitDepth,
        DurationSeconds = durationSeconds is { } d ? Math.Round(d, 3) : null,
    };

    private static TagsReport Tags(AudioTags tags) => new()
    {
        Title = tags.Title,
        Artist = tags.Artist,
        Album = tags.Album,
        AlbumArtist = tags.AlbumArtist,
        TrackNumber = tags.TrackNumber,
        Isrc = tags.Isrc,
    };

    // + 0.0 turns a rounded -0 into 0, so a report never shows "-0".
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) + 0.0 : null;
}
