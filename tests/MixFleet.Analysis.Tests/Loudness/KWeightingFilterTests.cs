using MixFleet.Analysis.Dsp;
using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Loudness;

/// <summary>
/// The fused direct-form-I kernel against a textbook cascade of the same two sections in transposed direct form II,
/// written out here independently: same output energy and cross term within 1e-6 relative (4e-6 dB; the two forms
/// round differently near the 38 Hz pole, most visibly for a 50 Hz tone).
/// </summary>
public sealed class KWeightingFilterTests
{
    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(96_000)]
    public void FilterPair_MatchesATransposedDirectFormIICascade(int sampleRate)
    {
        var left = Signals.Noise(3, sampleRate, 0.8);
        var right = Signals.Sine(sampleRate, 50, -6, 1.0);
        var (expectedLeft, leftOut) = Reference(left, sampleRate);
        var (expectedRight, rightOut) = Reference(right, sampleRate);
        var expectedCross = leftOut.Zip(rightOut, (a, b) => a * b).Sum();

        var first = new KWeightingFilter(sampleRate);
        var second = new KWeightingFilter(sampleRate);
        // In two calls, so the state carried between calls is exercised too.
        var (l1, r1, c1) = KWeightingFilter.FilterPair(ref first, ref second, left.AsSpan(0, 1000), right.AsSpan(0, 1000));
        var (l2, r2, c2) = KWeightingFilter.FilterPair(ref first, ref second, left.AsSpan(1000), right.AsSpan(1000));

        Assert.Equal(expectedLeft, l1 + l2, expectedLeft * 1e-6);
        Assert.Equal(expectedRight, r1 + r2, expectedRight * 1e-6);
        Assert.Equal(expectedCross, c1 + c2, (Math.Abs(expectedCross) * 1e-6) + 1e-12);
    }

    private static (double SumOfSquares, double[] Output) Reference(float[] x, int sampleRate)
    {
        var output = Cascade(Cascade(x.Select(v => (double)v).ToArray(), KWeighting.Shelf(sampleRate)), KWeighting.HighPass(sampleRate));
        return (output.Sum(y => y * y), output);
    }

    private static double[] Cascade(double[] x, Biquad c)
    {
        var y = new double[x.Length];
        double z1 = 0, z2 = 0;
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = (c.B0 * x[i]) + z1;
            z1 = (c.B1 * x[i]) - (c.A1 * y[i]) + z2;
            z2 = (c.B2 * x[i]) - (c.A2 * y[i]);
        }

        return y;
    }
}
