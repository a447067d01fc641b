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
        var overs = new long[chunk.Channels];
        var tail = new float[chunk.Channels][];
        for (var c = 0; c < chunk.Channels; c++)
        {
            var all = chunk.WithPreRoll(c);
            samplePeaks[c] = SamplePeakMeter.MaxAbs(chunk.Samples(c));
            (truePeaks[c], overs[c]) = _interpolator.Measure(all[(chunk.PreRollFrames - TruePeakInterpolator.History)..], samplePeaks[c]);
            tail[c] = all[^TruePeakInterpolator.History..].ToArray();
        }

        return new PeakPartial(samplePeaks, truePeaks, overs, tail);
    }

    /// <inheritdoc />
    public PeakResult Merge(IReadOnlyList<PeakPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            return new PeakResult { SamplePeak = 0, TruePeak = 0, ChannelSamplePeaks = [], ChannelTruePeaks = [], InterSampleOvers = 0 };
        }

        var channels = partials[0].SamplePeaks.Length;
        var samplePeaks = new double[channels];
        var truePeaks = new double[channels];
        long overs = 0;
        for (var c = 0; c < channels; c++)
        {
            foreach (var partial in partials)
            {
                samplePeaks[c] = Math.Max(samplePeaks[c], partial.SamplePeaks[c]);
                truePeaks[c] = Math.Max(truePeaks[c], partial.TruePeaks[c]);
                overs += partial.Overs[c];
            }

            var (flushPeak, flushOvers) = Flush(partials[^1].Tail[c], (float)truePeaks[c]);
            truePeaks[c] = Math.Max(truePeaks[c], flushPeak);
            overs += flushOvers;
        }

        return new PeakResult
        {
            SamplePeak = samplePeaks.DefaultIfEmpty(0).Max(),
            TruePeak = truePeaks.DefaultIfEmpty(0).Max(),
            ChannelSamplePeaks = samplePeaks,
            ChannelTruePeaks = truePeaks,
            InterSampleOvers = overs,
        };
    }

    // After the last sample comes silence: interpolate the tail into 11 zeros, as playback would reconstruct it.
    private (float Max, long Overs) Flush(float[] tail, float floor)
    {
        if (_interpolator.Factor == 1)
        {
            return (floor, 0);
        }

        var signal = new float[2 * TruePeakInterpolator.History];
        tail.CopyTo(signal, 0);
        return _interpolator.Measure(signal, floor);
    }
}
