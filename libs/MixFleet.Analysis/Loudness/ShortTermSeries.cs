namespace MixFleet.Analysis.Loudness;

/// <summary>
/// The short-term loudness over time for plots: one 3 s window per second, or per <c>step</c> seconds once a track is
/// longer than <see cref="MaxPoints"/> seconds, so a report's series stays bounded whatever the duration.
/// </summary>
public static class ShortTermSeries
{
    /// <summary>Most points in a series (30 minutes at one per second).</summary>
    public const int MaxPoints = 1800;

    /// <summary>Short-term values per second (100 ms hop, <see cref="LoudnessCalculator.ShortTermHopSegments"/>).</summary>
    public const int HopsPerSecond = LoudnessCalculator.SegmentsPerSecondOfHop;

    /// <summary>Seconds between points for <paramref name="shortTermCount"/> short-term values (100 ms hop).</summary>
    public static int StepSeconds(int shortTermCount)
    {
        var seconds = (shortTermCount + HopsPerSecond - 1) / HopsPerSecond;
        return Math.Max(1, (seconds + MaxPoints - 1) / MaxPoints);
    }

    /// <summary>Entry i is the energy of the window ending at 3 + i·step s.</summary>
    public static (int StepSeconds, double[] Energies) Sample(IReadOnlyList<double> shortTermEnergies)
    {
        ArgumentNullException.ThrowIfNull(shortTermEnergies);
        var step = StepSeconds(shortTermEnergies.Count);
        var stride = step * HopsPerSecond;
        var result = new double[(shortTermEnergies.Count + stride - 1) / stride];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = shortTermEnergies[i * stride];
        }

        return (step, result);
    }
}
