using System.Numerics;

namespace MixFleet.Analysis.Peaks;

/// <summary>Sample peak: the largest absolute sample value, in float (values beyond full scale are real).</summary>
public static class SamplePeakMeter
{
    /// <summary>Largest absolute value in <paramref name="samples"/> (0 for an empty span).</summary>
    public static float MaxAbs(ReadOnlySpan<float> samples)
    {
        var max = Vector<float>.Zero;
        var i = 0;
        for (; i <= samples.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            max = Vector.MaxNative(max, Vector.Abs(new Vector<float>(samples.Slice(i, Vector<float>.Count))));
        }

        var result = 0f;
        for (var lane = 0; lane < Vector<float>.Count; lane++)
        {
            result = MathF.Max(result, max[lane]);
        }

        for (; i < samples.Length; i++)
        {
            result = MathF.Max(result, MathF.Abs(samples[i]));
        }

        return result;
    }
}
