using MixFleet.Analysis.Engine;

namespace MixFleet.Analysis.Spectrum;

/// <summary>
/// Long-term spectrum as a chunk metric. Frames of N samples (Hann window; one in <see cref="FrameStride"/>) lie on a global grid and are
/// defined by where they END: frame k covers track frames [k·N, (k+1)·N) and is measured by the chunk holding its last
/// frame, reading its start from the pre-roll (N ≤ pre-roll, chosen so). A trailing frame the track does not fill is
/// not measured. The same frames are measured whatever the chunking, so the power sums merge exactly.
/// </summary>
/// <remarks>
/// Channels are summed as power (their spectra are added, not the signals). The reference curve for the tonal flags
/// is pink noise, equal energy per octave — the conventional "mix to pink" reference; commercial mixes average slightly
/// darker (Pestana, Ma, Reiss, Barbosa, Black: "Spectral characteristics of popular commercial recordings 1950–2010",
/// AES 135th Convention, 2013), which is why the flags need several dB of excess.
/// </remarks>
public sealed class SpectrumMetric : IChunkMetric<SpectrumPartial, SpectrumResult>
{
    /// <summary>Low-mid excess over the mids (per octave, relative to pink) that counts as muddy.</summary>
    public const double MuddyExcessDb = 6;

    /// <summary>Upper-mid excess over the mids (per octave, relative to pink) that counts as harsh.</summary>
    public const double HarshExcessDb = 3;

    /// <summary>Longest FFT frame used.</summary>
    public const int MaxFrameLength = 8192;

    /// <summary>
    /// One grid frame in this many is measured (frames k with k mod 4 = 0): a quarter of the audio, evenly spread — an
    /// 8192-sample frame every 0.74 s at 44.1 kHz. A long-term average spectrum converges long before that, and the FFT
    /// would otherwise cost more than every other metric together.
    /// </summary>
    public const int FrameStride = 4;

    private static readonly (string Name, double Low, double High)[] BandEdges =
    [
        ("sub", 20, 60), ("low", 60, 250), ("lowMid", 250, 500), ("mid", 500, 2_000),
        ("highMid", 2_000, 6_000), ("presence", 6_000, 10_000), ("air", 10_000, 20_000),
    ];

    private readonly int _sampleRate;
    private readonly int _n;
    private readonly (int First, int End)[] _bins;
    private readonly double[] _octaveNumbers;
    private readonly float[] _window;
    private readonly Radix2Fft _fft;

    /// <summary>Creates the metric; the frame length is the largest power of two within the pre-roll and <see cref="MaxFrameLength"/>.</summary>
    public SpectrumMetric(int sampleRate, int preRollFrames)
    {
        _sampleRate = sampleRate;
        _n = 1 << (int)Math.Log2(Math.Clamp(preRollFrames, 16, MaxFrameLength));
        _fft = new Radix2Fft(_n);
        _window = new float[_n];
        for (var i = 0; i < _n; i++)
        {
            _window[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / _n)));
        }

        // The edge bands take everything beyond them: sub from the first bin above DC, air up to Nyquist. Then the
        // octave bands of the tilt fit (centres 62.5 Hz·2^i up to 16 kHz, upper edge below 0.45·fs to stay out of the
        // converters' anti-alias roll-off).
        var ranges = BandEdges.Select(b => (b.Name == "sub" ? 0 : b.Low, b.Name == "air" ? double.MaxValue : b.High)).ToList();
        var octaves = new List<double>();
        for (var i = 0; ; i++)
        {
            var centre = 62.5 * Math.Pow(2, i);
            if (centre > 16_000 || centre * Math.Sqrt(2) > 0.45 * sampleRate)
            {
                break;
            }

            ranges.Add((centre / Math.Sqrt(2), centre * Math.Sqrt(2)));
            octaves.Add(i);
        }

        _bins = [.. ranges.Select(r => Bins(r.Item1, r.Item2))];
        _octaveNumbers = [.. octaves];
    }

    /// <summary>FFT frame length in samples.</summary>
    public int FrameLength => _n;

    /// <inheritdoc />
    public SpectrumPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.PreRollFrames < _n)
        {
            throw new ArgumentException($"The spectrum needs {_n} frames of pre-roll, the chunk has {chunk.PreRollFrames}.", nameof(chunk));
        }

        var power = new double[(_n / 2) + 1];
        var re = new double[_n];
        var im = new double[_n];
        var frames = 0;

        // Frames ending in (StartFrame, StartFrame + Frames]: end = k·N, every FrameStride-th k of the global grid.
        var end = chunk.StartFrame + chunk.Frames;
        var first = (chunk.StartFrame / _n) + 1;
        first += (FrameStride - (first % FrameStride)) % FrameStride;
        for (var k = first; k * _n <= end; k += FrameStride)
        {
            var from = (int)((k * _n) - _n - chunk.StartFrame + chunk.PreRollFrames);

            // Two channels per complex transform: z = a + i·b, then A[k] = (Z[k] + Z*[N−k])/2, B[k] = (Z[k] − Z*[N−k])/2i.
            for (var c = 0; c < chunk.Channels; c += 2)
            {
                var a = chunk.WithPreRoll(c).Slice(from, _n);
                var b = c + 1 < chunk.Channels ? chunk.WithPreRoll(c + 1).Slice(from, _n) : default;
                _fft.ForwardWindowed(a, b, _window, re, im);
                SpectrumPower.Accumulate(re, im, power);
            }

            frames++;
        }

        var energies = new double[_bins.Length];
        for (var r = 0; r < _bins.Length; r++)
        {
            energies[r] = Sum(power, _bins[r].First, _bins[r].End);
        }

        var total = Sum(power, 1, power.Length);
        return new SpectrumPartial(energies, total, frames);
    }

    /// <inheritdoc />
    public SpectrumResult Merge(IReadOnlyList<SpectrumPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        var energies = new double[_bins.Length];
        var total = 0.0;
        foreach (var p in partials)
        {
            for (var r = 0; r < energies.Length; r++)
            {
                energies[r] += p.RangeEnergies[r];
            }

            total += p.Total;
        }

        var nyquist = _sampleRate / 2.0;
        var bands = new List<SpectrumBand>();
        for (var b = 0; b < BandEdges.Length; b++)
        {
            var (name, low, high) = BandEdges[b];
            var share = total > 0 ? energies[b] / total : 0;
            bands.Add(new SpectrumBand(name, low, Math.Min(high, nyquist), share, share > 0 ? 10 * Math.Log10(share) : null));
        }

        return new SpectrumResult
        {
            Bands = bands,
            TiltDbPerOctave = Tilt(energies.AsSpan(BandEdges.Length)),
            Muddy = Excess(bands, "lowMid") > MuddyExcessDb,
            Harsh = Excess(bands, "highMid") > HarshExcessDb,
            FramesMeasured = partials.Sum(p => (long)p.Frames),
            FrameLength = _n,
        };
    }

    // A band's level per octave minus the mids' level per octave: 0 dB for pink noise (the reference curve).
    private static double? Excess(List<SpectrumBand> bands, string name)
    {
        var band = bands.Single(b => b.Name == name);
        var mid = bands.Single(b => b.Name == "mid");
        if (band.Share <= 0 || mid.Share <= 0 || band.HighHz <= band.LowHz)
        {
            return null;
        }

        return (10 * Math.Log10(band.Share / Math.Log2(band.HighHz / band.LowHz))) - (10 * Math.Log10(mid.Share / Math.Log2(mid.HighHz / mid.LowHz)));
    }

    // The bins b ≥ 1 whose frequency b·fs/N lies in [low, high): contiguous, as the frequency grows with b.
    private (int First, int End) Bins(double low, double high)
    {
        var first = 0;
        var end = 0;
        for (var b = 1; b <= _n / 2; b++)
        {
            var f = (double)b * _sampleRate / _n;
            if (f >= low && f < high)
            {
                first = end == 0 ? b : first;
                end = b + 1;
            }
        }

        return (first, end);
    }

    private static double Sum(double[] power, int first, int end)
    {
        var sum = 0.0;
        for (var b = first; b < end; b++)
        {
            sum += power[b];
        }

        return sum;
    }

    // Least-squares slope of the octave-band levels against the octave number.
    private double? Tilt(ReadOnlySpan<double> octaveEnergies)
    {
        var points = new List<(double X, double Y)>();
        for (var i = 0; i < octaveEnergies.Length; i++)
        {
            if (octaveEnergies[i] > 0)
            {
                points.Add((_octaveNumbers[i], 10 * Math.Log10(octaveEnergies[i])));
            }
        }

        if (points.Count < 2)
        {
            return null;
        }

        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        return points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
    }
}
