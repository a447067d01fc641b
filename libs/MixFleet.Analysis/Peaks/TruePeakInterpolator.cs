using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MixFleet.Analysis.Peaks;

/// <summary>
/// The hot loop of the true-peak meter: the largest absolute value of the Annex 2 interpolation of a signal.
/// Vectorised across output positions, and it skips groups of samples that provably cannot raise the maximum.
/// </summary>
public sealed class TruePeakInterpolator : ITruePeakKernel
{
    /// <summary>Samples of history every output needs before it.</summary>
    public const int History = TruePeakFilter.Taps - 1;

    // Outputs per skip decision: long enough to amortise the bound check, short enough to skip often.
    private const int Group = 64;

    private readonly float[][] _phases;
    private readonly float _gainBound;
    private readonly Vector256<float>[] _broadcast;

    /// <summary>Creates the interpolator for a sample rate (Annex 2 oversampling factor).</summary>
    public TruePeakInterpolator(int sampleRate)
    {
        Factor = TruePeakFilter.OversamplingFactor(sampleRate);
        _phases = TruePeakFilter.PhasesFor(Factor);
        _broadcast = _phases.SelectMany(p => p).Select(Vector256.Create).ToArray();

        // Σ|h| of the worst phase, nudged up so float rounding in the dot products can never beat the bound.
        _gainBound = TruePeakFilter.GainBound(Factor) * 1.0001f;
    }

    /// <summary>Oversampling factor (4, 2, or 1 for no interpolation).</summary>
    public int Factor { get; }

    /// <inheritdoc />
    int ITruePeakKernel.History => History;

    /// <inheritdoc />
    int ITruePeakKernel.Oversampling => Factor;

    /// <summary>
    /// The maximum of <paramref name="floor"/> and every interpolated value whose newest input is
    /// <paramref name="signal"/>[<see cref="History"/>] or later, and how many of those values exceed full scale
    /// (inter-sample overs, counted at the oversampled rate). The first <see cref="History"/> samples are history only.
    /// </summary>
    /// <remarks>
    /// A group of outputs is skipped when max|x| over its inputs times Σ|h| can exceed neither the maximum found so far
    /// nor 1.0: |Σ hₖ·xₖ| ≤ Σ|hₖ|·max|x|. Both results are identical to interpolating everything. Every output is one
    /// fused multiply-add chain in tap order, in the vector and the scalar path alike, so an output's value does not
    /// depend on where a chunk or group boundary falls.
    /// </remarks>
    public (float Max, long Overs) Measure(ReadOnlySpan<float> signal, float floor)
    {
        if (signal.Length <= History)
        {
            return (floor, 0);
        }

        if (_phases.Length == 0)
        {
            // From 192 kHz, no oversampling (Annex 2): the samples are the reconstruction.
            var fresh = signal[History..];
            return (MathF.Max(floor, SamplePeakMeter.MaxAbs(fresh)), PeakMath.CountAbove(fresh));
        }

        long overs = 0;
        for (var start = History; start < signal.Length; start += Group)
        {
            var end = Math.Min(start + Group, signal.Length);
            var inputs = signal[(start - History)..end];
            if (SamplePeakMeter.MaxAbs(inputs) * _gainBound <= MathF.Min(floor, 1f))
            {
                continue;
            }

            var (max, above) = Interpolate(signal, start, end);
            floor = MathF.Max(floor, max);
            overs += above;
        }

        return (floor, overs);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (float Max, long Overs) Interpolate(ReadOnlySpan<float> signal, int start, int end)
    {
        var max = 0f;
        long overs = 0;
        var n = start;
        if (Vector256.IsHardwareAccelerated && _phases.Length == 4)
        {
            (max, overs, n) = Interpolate4(signal, start, end);
        }

        for (; n < end; n++)
        {
            var window = signal.Slice(n - History, TruePeakFilter.Taps);
            foreach (var phase in _phases)
            {
                var y = 0f;
                for (var k = 0; k < TruePeakFilter.Taps; k++)
                {
                    y = MathF.FusedMultiplyAdd(phase[k], window[k], y);
                }

                max = MathF.Max(max, MathF.Abs(y));
                overs += MathF.Abs(y) > 1f ? 1 : 0;
            }
        }

        return (max, overs);
    }

    // Eight outputs at a time: each of the 12 shifted input vectors is loaded once and feeds all four phases.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (float Max, long Overs, int Next) Interpolate4(ReadOnlySpan<float> signal, int start, int end)
    {
        ReadOnlySpan<Vector256<float>> c = _broadcast;
        ref var x = ref MemoryMarshal.GetReference(signal);
        var vmax = Vector256<float>.Zero;
        var one = Vector256.Create(1f);
        long overs = 0;
        var n = start;
        for (; n + Vector256<float>.Count <= end; n += Vector256<float>.Count)
        {
            var origin = (nuint)(n - History);
            Vector256<float> p0 = default, p1 = default, p2 = default, p3 = default;
            for (var k = 0; k < TruePeakFilter.Taps; k++)
            {
                var v = Vector256.LoadUnsafe(ref x, origin + (nuint)k);
                p0 = Vector256.FusedMultiplyAdd(c[k], v, p0);
                p1 = Vector256.FusedMultiplyAdd(c[TruePeakFilter.Taps + k], v, p1);
                p2 = Vector256.FusedMultiplyAdd(c[(2 * TruePeakFilter.Taps) + k], v, p2);
                p3 = Vector256.FusedMultiplyAdd(c[(3 * TruePeakFilter.Taps) + k], v, p3);
            }

            var a0 = Vector256.Abs(p0);
            var a1 = Vector256.Abs(p1);
            var a2 = Vector256.Abs(p2);
            var a3 = Vector256.Abs(p3);
            var local = Vector256.MaxNative(Vector256.MaxNative(a0, a1), Vector256.MaxNative(a2, a3));
            vmax = Vector256.MaxNative(vmax, local);
            if (Vector256.GreaterThanAny(local, one))
            {
                overs += BitOperations.PopCount(Vector256.GreaterThan(a0, one).ExtractMostSignificantBits())
                    + BitOperations.PopCount(Vector256.GreaterThan(a1, one).ExtractMostSignificantBits())
                    + BitOperations.PopCount(Vector256.GreaterThan(a2, one).ExtractMostSignificantBits())
                    + BitOperations.PopCount(Vector256.GreaterThan(a3, one).ExtractMostSignificantBits());
            }
        }

        return (PeakMath.MaxLane(vmax), overs, n);
    }
}
