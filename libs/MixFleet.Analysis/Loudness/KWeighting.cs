using MixFleet.Analysis.Dsp;

namespace MixFleet.Analysis.Loudness;

/// <summary>
/// The K-weighting of ITU-R BS.1770-4 §2.1 (a high-shelf "pre-filter" then the RLB high-pass) for any sample rate.
/// </summary>
/// <remarks>
/// The recommendation tabulates coefficients for 48 kHz only. Both stages are re-derived here from analog
/// prototypes with the bilinear transform (K = tan(π·f0/fs)); the prototype parameters are the ones that reproduce
/// the 48 kHz table (as libebur128 does), so 48 kHz gives the table to ~1e-9.
/// </remarks>
public static class KWeighting
{
    private const double ShelfFrequency = 1681.974450955533;
    private const double ShelfGainDb = 3.999843853973347;
    private const double ShelfQ = 0.7071752369554196;
    private const double ShelfBandExponent = 0.4996667741545416;
    private const double HighPassFrequency = 38.13547087602444;
    private const double HighPassQ = 0.5003270373238773;

    /// <summary>Stage 1: the high-shelf modelling the head's acoustic effect.</summary>
    public static Biquad Shelf(int sampleRate)
    {
        var k = Math.Tan(Math.PI * ShelfFrequency / sampleRate);
        var vh = Math.Pow(10, ShelfGainDb / 20);
        var vb = Math.Pow(vh, ShelfBandExponent);
        var a0 = 1 + (k / ShelfQ) + (k * k);
        return new Biquad(
            (vh + (vb * k / ShelfQ) + (k * k)) / a0,
            2 * ((k * k) - vh) / a0,
            (vh - (vb * k / ShelfQ) + (k * k)) / a0,
            2 * ((k * k) - 1) / a0,
            (1 - (k / ShelfQ) + (k * k)) / a0);
    }

    /// <summary>Stage 2: the RLB high-pass. Its numerator stays [1, -2, 1] as in the BS.1770 table.</summary>
    public static Biquad HighPass(int sampleRate)
    {
        var k = Math.Tan(Math.PI * HighPassFrequency / sampleRate);
        var a0 = 1 + (k / HighPassQ) + (k * k);
        return new Biquad(1, -2, 1, 2 * ((k * k) - 1) / a0, (1 - (k / HighPassQ) + (k * k)) / a0);
    }
}
