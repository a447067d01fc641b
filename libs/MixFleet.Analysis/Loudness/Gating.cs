namespace MixFleet.Analysis.Loudness;

/// <summary>The gated integrated loudness of ITU-R BS.1770-4 §2.8 over 400 ms block energies.</summary>
public static class Gating
{
    /// <summary>Absolute gate Γa = -70 LUFS (BS.1770-4 §2.8).</summary>
    public const double AbsoluteGateLufs = -70.0;

    /// <summary>Relative gate Γr: 10 LU below the absolutely gated mean (BS.1770-4 §2.8).</summary>
    public const double RelativeGateLu = -10.0;

    /// <summary>
    /// Integrated loudness of the blocks, or null when no block passes the absolute gate (silence, or shorter
    /// than one block). Pass the blocks of several tracks together for album (programme) loudness.
    /// </summary>
    public static double? IntegratedLufs(ReadOnlySpan<double> blockEnergies)
    {
        var absoluteGate = LoudnessUnits.ToEnergy(AbsoluteGateLufs);
        var (sum, count) = MeanAbove(blockEnergies, absoluteGate);
        if (count == 0)
        {
            return null;
        }

        var relativeGate = sum / count * LoudnessUnits.ToEnergyRatio(RelativeGateLu);
        (sum, count) = MeanAbove(blockEnergies, Math.Max(absoluteGate, relativeGate));
        return count == 0 ? null : LoudnessUnits.ToLufs(sum / count);
    }

    private static (double Sum, long Count) MeanAbove(ReadOnlySpan<double> energies, double gate)
    {
        var sum = 0.0;
        long count = 0;
        foreach (var z in energies)
        {
            // BS.1770-4: J = { j : l_j > Γ }, a strict inequality.
            if (z > gate)
            {
                sum += z;
                count++;
            }
        }

        return (sum, count);
    }
}
