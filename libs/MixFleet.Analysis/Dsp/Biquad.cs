namespace MixFleet.Analysis.Dsp;

/// <summary>
/// The coefficients of a second-order IIR section, normalised (a0 = 1): H(z) = (b0 + b1·z⁻¹ + b2·z⁻²) / (1 + a1·z⁻¹ + a2·z⁻²).
/// The filtering itself lives in the kernels that need it (e.g. <see cref="Loudness.KWeightingFilter"/>).
/// </summary>
/// <param name="B0">Feed-forward coefficient b0.</param>
/// <param name="B1">Feed-forward coefficient b1.</param>
/// <param name="B2">Feed-forward coefficient b2.</param>
/// <param name="A1">Feedback coefficient a1.</param>
/// <param name="A2">Feedback coefficient a2.</param>
public readonly record struct Biquad(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Feed-forward coefficients b0, b1, b2.</summary>
    public (double B0, double B1, double B2) Numerator => (B0, B1, B2);

    /// <summary>Feedback coefficients a1, a2 (a0 = 1).</summary>
    public (double A1, double A2) Denominator => (A1, A2);

    /// <summary>Magnitude response at <paramref name="frequency"/> Hz for sample rate <paramref name="sampleRate"/>.</summary>
    public double Magnitude(double frequency, double sampleRate)
    {
        var w = 2 * Math.PI * frequency / sampleRate;
        var z1 = System.Numerics.Complex.FromPolarCoordinates(1, -w);
        var z2 = z1 * z1;
        var num = B0 + (B1 * z1) + (B2 * z2);
        var den = 1 + (A1 * z1) + (A2 * z2);
        return (num / den).Magnitude;
    }
}
