using MixFleet.Analysis.Spectrum;

namespace MixFleet.Analysis.Tests.Spectrum;

public sealed class Radix2FftTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(1_024)]
    public void Forward_EqualsTheDftByDefinition(int n)
    {
        // X[k] = Σ x[t]·e^(−2πikt/N), summed directly for a random complex input.
        var random = new Random(n);
        var re = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var im = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var (xr, xi) = ((double[])re.Clone(), (double[])im.Clone());

        new Radix2Fft(n).Forward(re, im);

        for (var k = 0; k < n; k++)
        {
            double sr = 0, si = 0;
            for (var t = 0; t < n; t++)
            {
                var angle = -2 * Math.PI * ((long)k * t % n) / n;
                sr += (xr[t] * Math.Cos(angle)) - (xi[t] * Math.Sin(angle));
                si += (xr[t] * Math.Sin(angle)) + (xi[t] * Math.Cos(angle));
            }

            Assert.Equal(sr, re[k], 1e-9);
            Assert.Equal(si, im[k], 1e-9);
        }
    }

    [Fact]
    public void ForwardReordered_OfBitReversedInput_EqualsForward()
    {
        const int n = 256;
        var random = new Random(5);
        var re = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var im = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var fft = new Radix2Fft(n);
        var (rr, ri) = (new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            rr[fft.Reverse[i]] = re[i];
            ri[fft.Reverse[i]] = im[i];
        }

        fft.Forward(re, im);
        fft.ForwardReordered(rr, ri);

        Assert.Equal(re, rr);
        Assert.Equal(im, ri);
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(4_096, true)]
    [InlineData(4_096, false)]
    public void ForwardWindowed_IsWindowThenForward_BitForBit(int n, bool twoChannels)
    {
        var random = new Random(n);
        var a = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var w = Enumerable.Range(0, n).Select(i => (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / n)))).ToArray();
        var fft = new Radix2Fft(n);
        var re = Enumerable.Range(0, n).Select(i => (double)(a[i] * w[i])).ToArray();
        var im = Enumerable.Range(0, n).Select(i => twoChannels ? (double)(b[i] * w[i]) : 0).ToArray();
        var (wr, wi) = (new double[n], new double[n]);

        fft.Forward(re, im);
        fft.ForwardWindowed(a, twoChannels ? b : default, w, wr, wi);

        Assert.Equal(re, wr);
        Assert.Equal(im, wi);
    }
}
