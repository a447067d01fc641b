namespace MixFleet.Analysis;

/// <summary>Amplitude ↔ decibel conversions.</summary>
public static class Decibels
{
    /// <summary>20·log10(amplitude); null for zero, so silence never shows as -∞ in a report.</summary>
    public static double? FromAmplitudeOrNull(double amplitude) => amplitude > 0 ? 20 * Math.Log10(amplitude) : null;

    /// <summary>10^(dB/20).</summary>
    public static double ToAmplitude(double decibels) => Math.Pow(10, decibels / 20);
}
