namespace MixFleet.Analysis.Loudness;

/// <summary>Loudness range (LRA) of EBU Tech 3342 over short-term (3 s) energies.</summary>
public static class LoudnessRange
{
    /// <summary>Absolute gate: -70 LUFS (Tech 3342 §3).</summary>
    public const double AbsoluteGateLufs = -70.0;

    /// <summary>Relative gate: 20 LU below the energy mean of the absolutely gated values (Tech 3342 §3).</summary>
    public const double RelativeGateLu = -20.0;

    /// <summary>Lower percentile of the gated distribution.</summary>
    public const double LowPercentile = 0.10;

    /// <summary>Upper percentile of the gated distribution.</summary>
    public const double HighPercentile = 0.95;

    /// <summary>
    /// LRA in LU, or null when no short-term value passes the gates (silence, or shorter than 3 s).
    /// Pass several tracks' values together for an album LRA.
    /// </summary>
    /// <remarks>
    /// Percentiles are nearest-rank on the sorted gated values, index ⌊(n-1)·p + 0.5⌋, as libebur128 computes
    /// them. The short-term hop is the caller's choice; <see cref="LoudnessCalculator"/> uses 100 ms as ffmpeg does.
    /// </remarks>
    public static double? ComputeLu(ReadOnlySpan<double> shortTermEnergies)
    {
        var absoluteGate = LoudnessUnits.ToEnergy(AbsoluteGateLufs);
        var gated = new List<double>(shortTermEnergies.Length);
        var sum = 0.0;
        foreach (var z in shortTermEnergies)
        {
            if (z > absoluteGate)
            {
                gated.Add(z);
                sum += z;
            }
        }

        if (gated.Count == 0)
        {
            return null;
        }

        var relativeGate = sum / gated.Count * LoudnessUnits.ToEnergyRatio(RelativeGateLu);
        gated.RemoveAll(z => z <= relativeGate);
        gated.Sort();
        var low = gated[(int)(((gated.Count - 1) * LowPercentile) + 0.5)];
        var high = gated[(int)(((gated.Count - 1) * HighPercentile) + 0.5)];
        return LoudnessUnits.ToLufs(high) - LoudnessUnits.ToLufs(low);
    }
}
