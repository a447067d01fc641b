namespace MixFleet.Analysis.Tests.Support;

/// <summary>
/// A dense, loud constructed master with drum-like transients, the click detector's hardest clean case: a pink-noise and
/// bass bed, a kick every beat (pitch-swept sine with an instant onset), a snare on 2 and 4 (a noise burst that starts
/// at full level) and closed hi-hats on every eighth (a high-passed noise burst decaying in 20 ms), soft-clipped
/// (tanh) to a crest factor of a modern master.
/// </summary>
internal static class LoudMaster
{
    public static float[][] Make(int sampleRate, double seconds, int seed)
    {
        var frames = (int)(seconds * sampleRate);
        var random = new Random(seed);
        var left = new double[frames];
        var right = new double[frames];
        var bedL = Signals.PinkNoise(seed, frames, 0.25);
        var bedR = Signals.PinkNoise(seed + 1, frames, 0.25);
        for (var i = 0; i < frames; i++)
        {
            var t = (double)i / sampleRate;
            var bass = 0.3 * Math.Sin(2 * Math.PI * 55 * t);
            left[i] = bedL[i] + bass;
            right[i] = bedR[i] + bass;
        }

        var beat = 0.5;
        for (var b = 0; b * beat < seconds; b++)
        {
            Add(left, right, (int)(b * beat * sampleRate), sampleRate, 0.15, (t, _) => 0.9 * Math.Sin(2 * Math.PI * (50 + (70 * Math.Exp(-t / 0.03))) * t), random);
            if (b % 2 == 1)
            {
                Add(left, right, (int)(b * beat * sampleRate), sampleRate, 0.04, (t, r) => 0.8 * ((r.NextDouble() * 2) - 1) + (0.3 * Math.Sin(2 * Math.PI * 200 * t)), random);
            }

            foreach (var half in new[] { 0.0, 0.5 })
            {
                double previous = 0;
                Add(left, right, (int)((b + half) * beat * sampleRate), sampleRate, 0.02, (_, r) =>
                {
                    var white = (r.NextDouble() * 2) - 1;
                    var high = 0.5 * (white - previous);
                    previous = white;
                    return high;
                }, random);
            }
        }

        return [Master(left), Master(right)];
    }

    // The event, decaying exponentially with time constant `decay`, added to both channels from `start`.
    private static void Add(double[] left, double[] right, int start, int sampleRate, double decay, Func<double, Random, double> wave, Random random)
    {
        var length = (int)(decay * 6 * sampleRate);
        for (var i = 0; i < length && start + i < left.Length; i++)
        {
            var t = (double)i / sampleRate;
            var v = wave(t, random) * Math.Exp(-t / decay);
            left[start + i] += v;
            right[start + i] += 0.9 * v;
        }
    }

    private static float[] Master(double[] x) => [.. x.Select(v => (float)(0.97 * Math.Tanh(1.8 * v)))];
}
