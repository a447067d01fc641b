namespace MixFleet.Analysis.Peaks;

/// <summary>
/// True peak per ITU-R BS.1770-4 Annex 2, measured in float: the largest absolute value of the oversampled signal,
/// never less than the sample peak.
/// </summary>
public sealed class TruePeakMeter
{
    private readonly float[][] _phases;
    private readonly float _gainBound;
    private readonly float[][] _work;
    private readonly float[] _samplePeak;
    private readonly float[] _truePeak;

    /// <summary>Creates the meter for a sample rate and channel count; <paramref name="maxBlockFrames"/> bounds one call's length.</summary>
    public TruePeakMeter(int sampleRate, int channels, int maxBlockFrames)
    {
        Factor = TruePeakFilter.OversamplingFactor(sampleRate);
        _phases = TruePeakFilter.PhasesFor(Factor);
        _gainBound = TruePeakFilter.GainBound(Factor);
        _work = new float[channels][];
        _samplePeak = new float[channels];
        _truePeak = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            _work[c] = new float[TruePeakFilter.Taps - 1 + Math.Max(maxBlockFrames, TruePeakFilter.Taps)];
        }
    }

    /// <summary>The oversampling factor in use.</summary>
    public int Factor { get; }

    /// <summary>Sample peak (linear) of each channel so far.</summary>
    public IReadOnlyList<float> SamplePeaks => _samplePeak;

    /// <summary>True peak (linear) of each channel so far; never below the sample peak.</summary>
    public IReadOnlyList<float> TruePeaks => _truePeak;

    /// <summary>Consumes samples of one channel.</summary>
    public void Process(int channel, ReadOnlySpan<float> samples)
    {
        var work = _work[channel];
        const int history = TruePeakFilter.Taps - 1;
        if (samples.Length > work.Length - history)
        {
            throw new ArgumentException("Block longer than the meter was created for.", nameof(samples));
        }

        samples.CopyTo(work.AsSpan(history));
        var samplePeak = SamplePeakMeter.MaxAbs(samples);
        _samplePeak[channel] = MathF.Max(_samplePeak[channel], samplePeak);
        var max = MathF.Max(_truePeak[channel], samplePeak);
        if (_phases.Length > 0)
        {
            max = Interpolate(work.AsSpan(0, history + samples.Length), max);
        }

        _truePeak[channel] = max;
        work.AsSpan(samples.Length, history).CopyTo(work);
    }

    /// <summary>
    /// Ends the stream: runs the interpolator over 11 zeros after the last sample, so the points between the last
    /// samples and the silence after them count, as they would on playback.
    /// </summary>
    public void Flush()
    {
        const int history = TruePeakFilter.Taps - 1;
        for (var c = 0; c < _work.Length; c++)
        {
            if (_phases.Length > 0)
            {
                var work = _work[c];
                work.AsSpan(history, history).Clear();
                _truePeak[c] = Interpolate(work.AsSpan(0, 2 * history), _truePeak[c]);
            }
        }
    }

    private float Interpolate(ReadOnlySpan<float> signal, float max)
    {
        for (var n = TruePeakFilter.Taps - 1; n < signal.Length; n++)
        {
            var window = signal.Slice(n - (TruePeakFilter.Taps - 1), TruePeakFilter.Taps);
            foreach (var phase in _phases)
            {
                var y = 0f;
                for (var k = 0; k < TruePeakFilter.Taps; k++)
                {
                    y += phase[k] * window[k];
                }

                max = MathF.Max(max, MathF.Abs(y));
            }
        }

        return max;
    }
}
