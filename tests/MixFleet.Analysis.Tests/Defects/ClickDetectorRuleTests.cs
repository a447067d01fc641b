using MixFleet.Analysis.Defects;
using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Defects;

/// <summary>
/// The click detector settles most samples by bounds over blocks of residuals; these tests hold it to the rule as
/// written (<see cref="ClickDetector"/>'s remarks), evaluated here sample by sample with plain loops.
/// </summary>
public sealed class ClickDetectorRuleTests
{
    [Theory]
    [InlineData(44_100, 1)]
    [InlineData(48_000, 2)]
    [InlineData(96_000, 3)]
    [InlineData(8_000, 4)]
    public void SpikesAroundTheThresholdInNoise_SameClicksAsTheRuleSampleBySample(int rate, int seed)
    {
        // White noise at -30 dBFS with 60 spikes whose residual stands 14–26 dB above the local level: about half of
        // them are clicks, and many sit within a fraction of a dB of the 20 dB threshold. A quiet stretch below the
        // -50 dBFS floor and a few spikes close together (not isolated) too.
        var random = new Random(seed);
        var x = Signals.Noise(seed, rate * 3, Math.Pow(10, -30 / 20.0));
        for (var i = rate; i < rate + (rate / 4); i++)
        {
            x[i] *= 0.001f;
        }

        for (var s = 0; s < 60; s++)
        {
            var at = random.Next(rate / 10, x.Length - 10);
            x[at] += (float)((random.NextDouble() < 0.5 ? -1 : 1) * 0.0316 * Math.Pow(10, ((random.NextDouble() * 12) - 6) / 20) * 4.7);
        }

        AssertSameAsRule(x, rate);
    }

    [Theory]
    [InlineData(44_100, 5)]
    [InlineData(48_000, 6)]
    public void DenseMasterWithSpikes_SameClicksAsTheRuleSampleBySample(int rate, int seed)
    {
        var master = LoudMaster.Make(rate, 3, seed)[0];
        var random = new Random(seed);
        for (var s = 0; s < 20; s++)
        {
            master[random.Next(rate / 10, master.Length - 10)] += (float)(random.NextDouble() * 0.6);
        }

        AssertSameAsRule(master, rate);
    }

    [Fact]
    public void DemoTrackWithClicks_SameClicksAsTheRuleSampleBySample()
    {
        var (channels, rate) = DemoAlbum.Load(DemoAlbum.Tracks[0]);
        var x = channels[0][..(rate * 5)];
        x[44_100] += 0.3f;
        x[110_250] += 0.2f;
        x[110_251] -= 0.3f;

        AssertSameAsRule(x, rate);
    }

    private static void AssertSameAsRule(float[] x, int rate)
    {
        var from = ClickDetector.LookbackFrames(rate);
        var found = new List<(int Index, int Frames, double RatioDb)>();
        ClickDetector.Find(x, from, x.Length, rate, found);

        var expected = Rule(x, from, x.Length, rate);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(c => (c.Index, c.Frames)), found.Select(c => (c.Index, c.Frames)));
        Assert.All(expected.Zip(found), p => Assert.Equal(p.First.RatioDb, p.Second.RatioDb, 1e-9));
    }

    // The rule, one sample at a time, every window summed in full (x holds the whole track: nothing is cut but the end).
    private static List<(int Index, int Frames, double RatioDb)> Rule(float[] x, int from, int to, int rate)
    {
        int F(double seconds) => Math.Max(1, (int)Math.Round(seconds * rate));
        int maxClick = F(ClickDetector.MaxClickSeconds), isolation = F(ClickDetector.IsolationSeconds), guard = F(ClickDetector.GuardSeconds), window = F(ClickDetector.WindowSeconds);
        var e = new float[x.Length];
        for (var k = 4; k < x.Length; k++)
        {
            e[k] = MathF.Abs(x[k] - (4 * (x[k - 1] + x[k - 3])) + (6 * x[k - 2]) + x[k - 4]) / 3;
        }

        double Mean(int a, int b)
        {
            b = Math.Min(b, x.Length);
            double sum = 0;
            for (var k = a; k < b; k++)
            {
                sum += e[k];
            }

            return b > a ? sum / (b - a) : 0;
        }

        double Level(int k) => Math.Max(Mean(k - guard - window, k - guard), Mean(k + guard + 1, k + guard + 1 + window));
        var exceeds = new bool[x.Length];
        for (var k = from - isolation; k < x.Length; k++)
        {
            exceeds[k] = e[k] > Decibels.ToAmplitude(ClickDetector.FloorDbfs) && e[k] > Math.Pow(10, ClickDetector.RatioDb / 20) * Level(k);
        }

        bool Any(int a, int b) => Enumerable.Range(a, Math.Max(0, Math.Min(b, x.Length) - a)).Any(k => exceeds[k]);
        var clicks = new List<(int, int, double)>();
        for (var k = from; k < to; k++)
        {
            if (!exceeds[k] || Any(k - isolation, k) || Any(k + maxClick, k + maxClick + isolation))
            {
                continue;
            }

            var last = Enumerable.Range(k, Math.Min(maxClick, x.Length - k)).Last(j => exceeds[j]);
            var peak = Enumerable.Range(k, last - k + 1).Max(j => (double)e[j]);
            var at = Enumerable.Range(k, last - k + 1).First(j => e[j] == peak);

            // The peak margin: every other |e| within guard + window on either side, the CoreFrames next to the peak
            // excepted, stays PeakMarginDb below the peak.
            var span = guard + window;
            var around = Enumerable.Range(at - ClickDetector.CoreFrames - span, span)
                .Concat(Enumerable.Range(at + ClickDetector.CoreFrames + 1, span).Where(j => j < x.Length));
            if (around.Any(j => e[j] >= peak / Math.Pow(10, ClickDetector.PeakMarginDb / 20)))
            {
                continue;
            }

            clicks.Add((k, last - k + 1, 20 * Math.Log10(peak / Math.Max(Level(k), 1e-12))));
        }

        return clicks;
    }
}
