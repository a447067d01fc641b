namespace MixFleet.Benchmarks.Signals;

/// <summary>
/// Deterministic music-like stereo test signals: a chord with harmonics and a bass line, a noise "hi-hat" and a
/// "kick" on every beat, all under a rhythmic envelope. Not music, but it has music's spectrum and crest factor,
/// which is what the K-weighting, the gates and the true-peak skip bound react to.
/// </summary>
public static class MusicSignal
{
    /// <summary>Sample rate of every benchmark signal.</summary>
    public const int SampleRate = 44_100;

    /// <summary>Channels of every benchmark signal.</summary>
    public const int Channels = 2;

    /// <summary>Length of the kernel benchmarks' signal, in seconds.</summary>
    public const int Seconds = 10;

    private static readonly double[] ChordHz = [220.0, 277.18, 329.63, 440.0];
    private const double BeatSeconds = 0.5;

    /// <summary>
    /// A loud, "mastered" signal: the mix driven 12 dB into a tanh soft clipper and scaled so the sample peak is
    /// -0.3 dBFS. Almost every 64-sample group comes near the peak, so the true-peak skip bound rarely fires.
    /// </summary>
    public static float[][] Mastered(int seconds = Seconds) => Normalise(Mix(seconds, sustained: true), driveDb: 12, peakDbfs: -0.3);

    /// <summary>
    /// A quiet, dynamic signal (plucked notes decaying between beats, sample peak -30 dBFS). The true-peak skip bound
    /// is relative to the peak found so far, not absolute: what it skips are groups more than ~6 dB (Σ|h| ≈ 2.02)
    /// below it, which a dynamic signal has plenty of.
    /// </summary>
    public static float[][] QuietDynamic(int seconds = Seconds) => Normalise(Mix(seconds, sustained: false), driveDb: 0, peakDbfs: -30);

    private static double[][] Mix(int seconds, bool sustained)
    {
        var frames = seconds * SampleRate;
        var random = new Random(1770);
        var mix = new double[Channels][];
        for (var c = 0; c < Channels; c++)
        {
            mix[c] = new double[frames];
        }

        var hat = 0.0;
        for (var n = 0; n < frames; n++)
        {
            var t = (double)n / SampleRate;
            var inBeat = t % BeatSeconds;
            var bar = (int)(t / (4 * BeatSeconds));
            var bass = 55.0 * (bar % 2 == 0 ? 1.0 : 1.3348); // A1, then D2
            var envelope = sustained ? 0.6 + (0.4 * Math.Exp(-inBeat * 6)) : Math.Exp(-inBeat * 9);
            var kick = Math.Exp(-inBeat * 25) * Math.Sin(2 * Math.PI * 50 * inBeat * (1 + Math.Exp(-inBeat * 30)));
            hat = (0.6 * hat) + (random.NextDouble() - 0.5); // crude high-passed noise
            var hatEnvelope = Math.Exp(-((t + (BeatSeconds / 2)) % BeatSeconds) * 40);
            for (var c = 0; c < Channels; c++)
            {
                var tone = 0.0;
                for (var i = 0; i < ChordHz.Length; i++)
                {
                    var pan = c == 0 ? 1.0 - (0.15 * i) : 0.55 + (0.15 * i);
                    var phase = (2 * Math.PI * ChordHz[i] * t) + (c * 0.3 * i);
                    tone += pan * ((0.5 * Math.Sin(phase)) + (0.2 * Math.Sin(2 * phase)) + (0.1 * Math.Sin(3 * phase)));
                }

                mix[c][n] = (envelope * ((0.25 * tone) + (0.6 * Math.Sin(2 * Math.PI * bass * t)))) + (0.9 * kick) + (0.15 * hatEnvelope * hat);
            }
        }

        return mix;
    }

    private static float[][] Normalise(double[][] mix, double driveDb, double peakDbfs)
    {
        var peak = mix.Max(channel => channel.Max(Math.Abs));
        var drive = Math.Pow(10, driveDb / 20) / peak;
        var shaped = mix.Select(channel => channel.Select(x => driveDb > 0 ? Math.Tanh(x * drive) : x * drive).ToArray()).ToArray();
        var scale = Math.Pow(10, peakDbfs / 20) / shaped.Max(channel => channel.Max(Math.Abs));
        return shaped.Select(channel => channel.Select(x => (float)(x * scale)).ToArray()).ToArray();
    }
}
