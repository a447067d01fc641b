using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Audio;

namespace MixFleet.Analysis.Engine;

/// <summary>Every metric of a track, measured per chunk and merged once: the one place a new metric is wired in.</summary>
public sealed class TrackMetrics
{
    private readonly LoudnessMetric _loudness;
    private readonly PeakMetric _peaks;

    /// <summary>Creates the metrics for a stream's format.</summary>
    public TrackMetrics(AudioStreamInfo info, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(options);
        _loudness = new LoudnessMetric(info.SampleRate, ChannelWeights.For(info.Layout, options.DualMono));
        _peaks = new PeakMetric(info.SampleRate);
    }

    /// <summary>Measures one chunk into its partial.</summary>
    public ChunkPartial Measure(AudioChunk chunk) => new(_loudness.Measure(chunk), _peaks.Measure(chunk));

    /// <summary>Merges the partials, in track order.</summary>
    public (LoudnessResult Loudness, PeakResult Peaks) Merge(IReadOnlyList<ChunkPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        return (_loudness.Merge(partials.Select(p => p.Loudness).ToArray()), _peaks.Merge(partials.Select(p => p.Peaks).ToArray()));
    }
}
