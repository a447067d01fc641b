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
}
