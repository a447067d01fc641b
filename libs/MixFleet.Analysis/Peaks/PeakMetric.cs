using MixFleet.Analysis.Engine;

namespace MixFleet.Analysis.Peaks;

/// <summary>
/// Sample and true peak (BS.1770-4 Annex 2) as a chunk metric. The interpolator needs 11 samples of history, which
/// the pre-roll provides, so chunk boundaries change nothing; maxima merge exactly.
/// </summary>
public sealed class PeakMetric(int sampleRate) : IChunkMetric<PeakPartial, PeakResult>
{
    private readonly TruePeakInterpolator _interpolator = new(sampleRate);

    /// <inheritdoc />
    public PeakPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var samplePeaks = new float[chunk.Channels];
        var truePeaks = new float[chunk.Channels];
        var tail = new float[chunk.Channels][];
        for (var c = 0; c < chunk.Channels; c++)
        {
            var all = chunk.WithPreRoll(c);
            samplePeaks[c] = SamplePeakMeter.MaxAbs(chunk.Samples(c));
            truePeaks[c] = _interpolator.MaxAbs(all[(chunk.PreRollFrames - TruePeakInterpolator.History)..], samplePeaks[c]);
            tail[c] = all[^TruePeakInterpolator.History..].ToArray();
        }

        return new PeakPartial(samplePeaks, truePeaks, tail);
    }

    /// <inheritdoc />
    public PeakResult Merge(IReadOnlyList<PeakPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            return new PeakResult { SamplePeak = 0, TruePeak = 0, ChannelSamplePeaks = [], ChannelTruePeaks = [] };
        }

        var channels = partials[0].SamplePeaks.Length;
        var samplePeaks = new double[channels];
        var truePeaks = new double[channels];
        for (var c = 0; c < channels; c++)
        {
            foreach (var partial in partials)
            {
                samplePeaks[c] = Math.Max(samplePeaks[c], partial.SamplePeaks[c]);
                truePeaks[c] = Math.Max(truePeaks[c], partial.TruePeaks[c]);
            }

            truePeaks[c] = Math.Max(truePeaks[c], Flush(partials[^1].Tail[c], (float)truePeaks[c]));
        }

        return new PeakResult
        {
            SamplePeak = samplePeaks.DefaultIfEmpty(0).Max(),
            TruePeak = truePeaks.DefaultIfEmpty(0).Max(),
            ChannelSamplePeaks = samplePeaks,
            ChannelTruePeaks = truePeaks,
        };
    }

    // After the last sample comes silence: interpolate the tail into 11 zeros, as playback would reconstruct it.
    private float Flush(float[] tail, float floor)
    {
        var signal = new float[2 * TruePeakInterpolator.History];
        tail.CopyTo(signal, 0);
        return _interpolator.MaxAbs(signal, floor);
    }
}
