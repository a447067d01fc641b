using System.Numerics;

namespace MixFleet.Analysis.Peaks;

/// <summary>
/// The hot loop of the true-peak meter: the largest absolute value of the Annex 2 interpolation of a signal.
/// Vectorised across output positions, and it skips groups of samples that provably cannot raise the maximum.
/// </summary>
public sealed class TruePeakInterpolator
{
    /// <summary>Samples of history every output needs before it.</summary>
    public const int History = TruePeakFilter.Taps - 1;

    // Outputs per skip decision: long enough to amortise the bound check, short enough to skip often.
    private const int Group = 64;

    private readonly float[][] _phases;
    private readonly float _gainBound;

    /// <summary>Creates the interpolator for a sample rate (Annex 2 oversampling factor).</summary>
    public TruePeakInterpolator(int sampleRate)
    {
        Factor = TruePeakFilter.OversamplingFactor(sampleRate);
        _phases = TruePeakFilter.PhasesFor(Factor);

        // Σ|h| of the worst phase, nudged up so float rounding in the dot products can never beat the bound.
        _gainBound = TruePeakFilter.GainBound(Factor) * 1.0001f;
    }

    /// <summary>Oversampling factor (4, 2, or 1 for no interpolation).</summary>
    public int Factor { get; }

    /// <summary>
    /// The maximum of <paramref name="floor"/> and every interpolated value whose newest input is
    /// <paramref name="signal"/>[<see cref="History"/>] or later. The first <see cref="History"/> samples are history only.
    /// </summary>
    /// <remarks>
    /// A group of outputs is skipped when max|x| over its inputs times Σ|h| cannot exceed the maximum found so far:
    /// |Σ hₖ·xₖ| ≤ Σ|hₖ|·max|x|. The result is identical to interpolating everything.
    /// </remarks>
    public float MaxAbs(ReadOnlySpan<float> signal, float floor)
    {
        if (_phases.Length == 0 || signal.Length <= History)
        {
            return floor;
        }

        for (var start = History; start < signal.Length; start += Group)
        {
            var end = Math.Min(start + Group, signal.Length);
            var inputs = signal[(start - History)..end];
            if (SamplePeakMeter.MaxAbs(inputs) * _gainBound <= floor)
            {
                continue;
            }

            floor = MathF.Max(floor, Interpolate(signal, start, end));
        }

        return floor;
    }

    private float Interpolate(ReadOnlySpan<float> signal, int start, int end)
    {
        var width = Vector<float>.Count;
        var vmax = Vector<float>.Zero;
        var n = start;
        for (; n + width <= end; n += width)
        {
            foreach (var phase in _phases)
            {
                var acc = Vector<float>.Zero;
                var window = signal[(n - History)..];
                for (var k = 0; k < TruePeakFilter.Taps; k++)
                {
                    acc += new Vector<float>(phase[k]) * new Vector<float>(window.Slice(k, width));
                }

                vmax = Vector.Max(vmax, Vector.Abs(acc));
            }
        }

        var max = 0f;
        for (var lane = 0; lane < width; lane++)
        {
            max = MathF.Max(max, vmax[lane]);
        }

        for (; n < end; n++)
        {
            var window = signal.Slice(n - History, TruePeakFilter.Taps);
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
