using MixFleet.Analysis.Engine;

namespace MixFleet.Analysis.Peaks;

/// <summary>
/// Sample and true peak as a chunk metric. The true-peak kernel (<see cref="TruePeakMode"/>) needs
/// <see cref="ITruePeakKernel.History"/> samples of context, which the pre-roll provides, so chunk boundaries change
/// nothing; maxima merge exactly.
/// </summary>
public sealed class PeakMetric : IChunkMetric<PeakPartial, PeakResult>
{
    private readonly ITruePeakKernel _kernel;
    private readonly TruePeakMode _mode;

    /// <summary>Creates the metric with the default (<see cref="TruePeakMode.Reconstruction"/>) true peak.</summary>
    public PeakMetric(int sampleRate)
        : this(sampleRate, TruePeakMode.Reconstruction)
    {
    }

    /// <summary>Creates the metric with the true-peak kernel of <paramref name="mode"/>.</summary>
    public PeakMetric(int sampleRate, TruePeakMode mode)
    {
        _kernel = TruePeakKernels.For(mode, sampleRate);
        _mode = mode;
    }

    /// <inheritdoc />
    public PeakPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var history = _kernel.History;
        var samplePeaks = new float[chunk.Channels];
        var truePeaks = new float[chunk.Channels];
        var overs = new long[chunk.Channels];
        var tail = new float[chunk.Channels][];
        for (var c = 0; c < chunk.Channels; c++)
        {
            var all = chunk.WithPreRoll(c);
            samplePeaks[c] = SamplePeakMeter.MaxAbs(chunk.Samples(c));
            (truePeaks[c], overs[c]) = _kernel.Measure(all[(chunk.PreRollFrames - history)..], samplePeaks[c]);
            tail[c] = all[^history..].ToArray();
        }

        return new PeakPartial(samplePeaks, truePeaks, overs, tail);
    }

    /// <inheritdoc />
    public PeakResult Merge(IReadOnlyList<PeakPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            return new PeakResult { SamplePeak = 0, TruePeak = 0, ChannelSamplePeaks = [], ChannelTruePeaks = [], InterSampleOvers = 0, Mode = _mode, Oversampling = _kernel.Oversampling };
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
            Mode = _mode,
            Oversampling = _kernel.Oversampling,
        };
    }

    // After the last sample comes silence: reconstruct the tail into zeros, as playback would.
    private (float Max, long Overs) Flush(float[] tail, float floor)
    {
        var signal = new float[2 * _kernel.History];
        tail.CopyTo(signal, 0);
        return _kernel.Measure(signal, floor);
    }
}
