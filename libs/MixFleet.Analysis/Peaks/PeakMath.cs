using System.Runtime.Intrinsics;

namespace MixFleet.Analysis.Peaks;

/// <summary>The small reductions both true-peak kernels use on their oversampled values.</summary>
internal static class PeakMath
{
    /// <summary>How many values exceed full scale (|v| &gt; 1): inter-sample overs.</summary>
    public static long CountAbove(ReadOnlySpan<float> values)
    {
        long count = 0;
        foreach (var v in values)
        {
            count += MathF.Abs(v) > 1f ? 1 : 0;
        }

        return count;
    }

    /// <summary>The largest lane of <paramref name="v"/> (lanes hold magnitudes, so 0 is the floor).</summary>
    public static float MaxLane(Vector256<float> v)
    {
        var half = Vector128.Max(v.GetLower(), v.GetUpper());
        var max = 0f;
        for (var lane = 0; lane < Vector128<float>.Count; lane++)
        {
            max = MathF.Max(max, half[lane]);
        }

        return max;
    }
}
