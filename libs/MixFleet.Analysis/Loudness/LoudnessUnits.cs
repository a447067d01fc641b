namespace MixFleet.Analysis.Loudness;

/// <summary>Conversions between weighted mean-square energy and LUFS: L = -0.691 + 10·log10(z) (BS.1770-4 §2.4).</summary>
public static class LoudnessUnits
{
    /// <summary>The -0.691 dB offset that makes a 997 Hz full-scale sine in one front channel read -3.01 LUFS.</summary>
    public const double Offset = -0.691;

    /// <summary>Loudness of an energy; -∞ for zero.</summary>
    public static double ToLufs(double energy) => Offset + (10 * Math.Log10(energy));

    /// <summary>Energy of a loudness.</summary>
    public static double ToEnergy(double lufs) => Math.Pow(10, (lufs - Offset) / 10);

    /// <summary>Energy ratio of a loudness difference in LU.</summary>
    public static double ToEnergyRatio(double lu) => Math.Pow(10, lu / 10);

    /// <summary>Loudness of an energy, or null when the energy is zero (digital silence has no loudness).</summary>
    public static double? ToLufsOrNull(double energy) => energy > 0 ? ToLufs(energy) : null;
}
