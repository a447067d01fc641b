using MixFleet.Analysis.Loudness;

namespace MixFleet.Analysis.Tests.Loudness;

public sealed class KWeightingTests
{
    [Fact]
    public void Shelf_At48kHz_MatchesBs1770Table1()
    {
        var (b0, b1, b2) = KWeighting.Shelf(48_000).Numerator;
        var (a1, a2) = KWeighting.Shelf(48_000).Denominator;

        Assert.Equal(1.53512485958697, b0, 1e-9);
        Assert.Equal(-2.69169618940638, b1, 1e-9);
        Assert.Equal(1.19839281085285, b2, 1e-9);
        Assert.Equal(-1.69065929318241, a1, 1e-9);
        Assert.Equal(0.73248077421585, a2, 1e-9);
    }

    [Fact]
    public void HighPass_At48kHz_MatchesBs1770Table2()
    {
        var (b0, b1, b2) = KWeighting.HighPass(48_000).Numerator;
        var (a1, a2) = KWeighting.HighPass(48_000).Denominator;

        Assert.Equal((1.0, -2.0, 1.0), (b0, b1, b2));
        Assert.Equal(-1.99004745483398, a1, 1e-9);
        Assert.Equal(0.99007225036621, a2, 1e-9);
    }

    [Theory]
    [InlineData(8_000, 0.25)]
    [InlineData(22_050, 0.06)]
    [InlineData(37_800, 0.05)]
    [InlineData(44_100, 0.05)]
    [InlineData(96_000, 0.05)]
    [InlineData(192_000, 0.05)]
    [InlineData(384_000, 0.05)]
    public void Response_AtAnyRate_MatchesThe48kHzCurveBelowAQuarterOfNyquist(int sampleRate, double toleranceDb)
    {
        // Re-deriving from the analog prototype gives the 48 kHz curve wherever the bilinear warping is small.
        // What remains is the RLB numerator kept at [1, -2, 1] as the table (and libebur128, ffmpeg) have it: its
        // passband gain 4/(1 - a1 + a2) drifts with the rate (-0.03 dB at 192 kHz), and at 8 kHz the 1.7 kHz shelf
        // sits close to Nyquist (0.2 dB).
        foreach (var f in new[] { 20.0, 38.0, 100.0, 500.0, 997.0, 1681.0 })
        {
            if (f > sampleRate / 8.0)
            {
                continue;
            }

            Assert.Equal(Gain(48_000, f), Gain(sampleRate, f), toleranceDb);
        }
    }

    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(96_000)]
    [InlineData(192_000)]
    public void HighShelf_AtHighFrequencies_ApproachesFourDecibels(int sampleRate)
    {
        // The pre-filter's stated purpose: about +4 dB above ~2 kHz (BS.1770-4 Fig. 1).
        Assert.Equal(4.0, Gain(sampleRate, 10_000), 0.1);
    }

    private static double Gain(int sampleRate, double frequency) =>
        20 * Math.Log10(KWeighting.Shelf(sampleRate).Magnitude(frequency, sampleRate) * KWeighting.HighPass(sampleRate).Magnitude(frequency, sampleRate));
}
