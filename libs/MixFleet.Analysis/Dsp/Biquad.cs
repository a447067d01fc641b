namespace MixFleet.Analysis.Dsp;

/// <summary>
/// A second-order IIR section in transposed direct form II with <see cref="double"/> state.
/// Coefficients are normalised (a0 = 1).
/// </summary>
/// <remarks>Double state keeps the 38 Hz high-pass of the K-weighting exact over hours of audio.</remarks>
public struct Biquad
{
    private readonly double _b0;
    private readonly double _b1;
    private readonly double _b2;
    private readonly double _a1;
    private readonly double _a2;
    private double _z1;
    private double _z2;

    /// <summary>Creates the section from its coefficients.</summary>
    public Biquad(double b0, double b1, double b2, double a1, double a2)
    {
        _b0 = b0;
        _b1 = b1;
        _b2 = b2;
        _a1 = a1;
        _a2 = a2;
    }

    /// <summary>Feed-forward coefficients b0, b1, b2.</summary>
    public readonly (double B0, double B1, double B2) Numerator => (_b0, _b1, _b2);

    /// <summary>Feedback coefficients a1, a2 (a0 = 1).</summary>
    public readonly (double A1, double A2) Denominator => (_a1, _a2);

    /// <summary>Filters one sample.</summary>
    public double Process(double x)
    {
        var y = (_b0 * x) + _z1;
        _z1 = (_b1 * x) - (_a1 * y) + _z2;
        _z2 = (_b2 * x) - (_a2 * y);
        return y;
    }

    /// <summary>Clears the state.</summary>
    public void Reset()
    {
        _z1 = 0;
        _z2 = 0;
    }

    /// <summary>Magnitude response at <paramref name="frequency"/> Hz for sample rate <paramref name="sampleRate"/>.</summary>
    public readonly double Magnitude(double frequency, double sampleRate)
    {
        var w = 2 * Math.PI * frequency / sampleRate;
        var z1 = System.Numerics.Complex.FromPolarCoordinates(1, -w);
        var z2 = z1 * z1;
        var num = _b0 + (_b1 * z1) + (_b2 * z2);
        var den = 1 + (_a1 * z1) + (_a2 * z2);
        return (num / den).Magnitude;
    }
}
