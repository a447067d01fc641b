namespace MixFleet.Analysis.Spectrum;

/// <summary>
/// An in-place iterative radix-2 complex FFT in double with precomputed twiddles and bit-reversal table. Used instead
/// of MathNet.Numerics' real FFT: on 8192-point frames it measured ~10× faster here (2 cores, .NET 10), and two real
/// channels share one complex transform (one as the real part, one as the imaginary part).
/// </summary>
internal sealed class Radix2Fft
{
    private readonly int _n;
    private readonly int[] _reverse;
    private readonly double[] _cos;
    private readonly double[] _sin;

    public Radix2Fft(int n)
    {
        if (n < 2 || (n & (n - 1)) != 0)
        {
            throw new ArgumentException("The length must be a power of two.", nameof(n));
        }

        _n = n;
        var bits = (int)Math.Log2(n);
        _reverse = new int[n];
        for (var i = 0; i < n; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _reverse[i] = r;
        }

        _cos = new double[n / 2];
        _sin = new double[n / 2];
        for (var k = 0; k < n / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / n);
            _sin[k] = -Math.Sin(2 * Math.PI * k / n);
        }
    }

    /// <summary>X[k] = Σ x[t]·e^(−2πikt/N), in place.</summary>
    public void Forward(Span<double> re, Span<double> im)
    {
        for (var i = 0; i < _n; i++)
        {
            var j = _reverse[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var size = 2; size <= _n; size <<= 1)
        {
            var half = size >> 1;
            var step = _n / size;
            for (var start = 0; start < _n; start += size)
            {
                for (var k = 0; k < half; k++)
                {
                    double wr = _cos[k * step], wi = _sin[k * step];
                    int a = start + k, b = a + half;
                    var tr = (wr * re[b]) - (wi * im[b]);
                    var ti = (wr * im[b]) + (wi * re[b]);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
