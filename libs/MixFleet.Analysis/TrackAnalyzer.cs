using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Audio;

namespace MixFleet.Analysis;

/// <summary>
/// Measures one track: pulls planar blocks from a reader and feeds every meter. The reader is the only I/O;
/// everything here is computation.
/// </summary>
public sealed class TrackAnalyzer(AnalysisOptions options)
{
    /// <summary>Creates an analyzer with <see cref="AnalysisOptions.Default"/>.</summary>
    public TrackAnalyzer()
        : this(AnalysisOptions.Default)
    {
    }

    /// <summary>
    /// Analyzes the whole stream. <paramref name="progress"/> receives the frames decoded so far after each block.
    /// </summary>
    /// <exception cref="AudioDecodeException">The stream is corrupt or truncated.</exception>
    public TrackAnalysis Analyze(IAudioReader reader, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var info = reader.Info;
        var loudness = new LoudnessAccumulator(info.SampleRate, ChannelWeights.For(info.Layout, options.DualMono));
        var peaks = new TruePeakMeter(info.SampleRate, info.Channels, options.BlockFrames);
        var buffer = new AudioBuffer(info.Channels, options.BlockFrames);
        while (reader.Read(buffer) is > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            loudness.Process(buffer);
            for (var c = 0; c < info.Channels; c++)
            {
                peaks.Process(c, buffer.Channel(c));
            }

            progress?.Report(loudness.Frames);
        }

        peaks.Flush();
        return new TrackAnalysis
        {
            Format = info,
            Frames = loudness.Frames,
            DualMono = options.DualMono && info.Channels == 1,
            Loudness = LoudnessCalculator.Compute(loudness.CompletedSegments, info.SampleRate),
            Peaks = new PeakResult
            {
                SamplePeak = peaks.SamplePeaks.Max(),
                TruePeak = peaks.TruePeaks.Max(),
                ChannelSamplePeaks = peaks.SamplePeaks.Select(p => (double)p).ToArray(),
                ChannelTruePeaks = peaks.TruePeaks.Select(p => (double)p).ToArray(),
            },
        };
    }
}
