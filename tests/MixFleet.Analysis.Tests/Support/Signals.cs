namespace MixFleet.Analysis.Tests.Support;

/// <summary>Synthesized test signals: sines at a peak level in dBFS, silence, concatenation.</summary>
internal static class Signals
{
    public static float[] Sine(int sampleRate, double frequency, double peakDbfs, double seconds, double phaseDegrees = 0) =>
        SineAmplitude(sampleRate, frequency, Math.Pow(10, peakDbfs / 20), seconds, phaseDegrees);

    public static float[] SineAmplitude(int sampleRate, double frequency, double amplitude, double seconds, double phaseDegrees = 0)
    {
        var n = (int)Math.Round(seconds * sampleRate);
        var phase = phaseDegrees * Math.PI / 180;
        var x = new float[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (float)(amplitude * Math.Sin((2 * Math.PI * frequency * i / sampleRate) + phase));
        }

        return x;
    }

    public static float[] Silence(int sampleRate, double seconds) => new float[(int)Math.Round(seconds * sampleRate)];

    public static float[] Concat(params float[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>The same signal on <paramref name="channels"/> channels.</summary>
    public static float[][] Copies(float[] signal, int channels = 2) =>
        Enumerable.Range(0, channels).Select(_ => (float[])signal.Clone()).ToArray();

    public static float[] Noise(int seed, int length, double amplitude)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (var i = 0; i < length; i++)
        {
            x[i] = (float)(amplitude * ((random.NextDouble() * 2) - 1));
        }

        return x;
    }

    /// <summary>Pink noise by Paul Kellet's refined filter (within ±0.05 dB of -3 dB/octave above 9.2 Hz at 44.1 kHz).</summary>
    public static float[] PinkNoise(int seed, int length, double amplitude)
    {
        var white = Noise(seed, length, 1);
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        var x = new float[length];
        for (var i = 0; i < length; i++)
        {
            var w = white[i];
            b0 = (0.99886 * b0) + (w * 0.0555179);
            b1 = (0.99332 * b1) + (w * 0.0750759);
            b2 = (0.96900 * b2) + (w * 0.1538520);
            b3 = (0.86650 * b3) + (w * 0.3104856);
            b4 = (0.55000 * b4) + (w * 0.5329522);
            b5 = (-0.7616 * b5) - (w * 0.0168980);
            x[i] = (float)(amplitude * 0.11 * (b0 + b1 + b2 + b3 + b4 + b5 + b6 + (w * 0.5362)));
            b6 = w * 0.115926;
        }

        return x;
    }

    /// <summary>Hard clip to ±1.</summary>
    public static float[] Clip(float[] x) => x.Select(v => Math.Clamp(v, -1f, 1f)).ToArray();
}
