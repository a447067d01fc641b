using MixFleet.Analysis.Dsp;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Loudness;

namespace MixFleet.Analysis.Stereo;

/// <summary>
/// Stereo correlation, width, balance and mono compatibility as a chunk metric (two-channel tracks only). Sums of L²,
/// R² and L·R are kept per 100 ms sub-block on the global 10 ms grid (<see cref="LoudnessAccumulator.SegmentStart"/>,
/// so odd rates work); a chunk adds its part of every sub-block it overlaps and the merge adds them, so the 3 s windows
/// (30 sub-blocks) are exact whatever the chunking. M² and S² follow from them: M² = (L²+2LR+R²)/4, S² = (L²−2LR+R²)/4.
/// The mono fold-down loudness is not measured here: the loudness meter derives it from its K-weighted cross terms
/// (<see cref="LoudnessMetric.FoldDownLufs"/>) and <see cref="TrackMetrics"/> fills it in.
/// </summary>
public sealed class StereoMetric(int sampleRate) : IChunkMetric<StereoPartial, StereoResult>
{
    /// <summary>Sub-block length in 10 ms segments.</summary>
    public const int SubBlockSegments = 10;

    /// <summary>Window length in sub-blocks (3 s).</summary>
    public const int WindowBlocks = 30;

    /// <summary>An overall correlation below this is phase trouble (decorrelated material sits near 0, so 0 itself is too twitchy).</summary>
    public const double PhaseTroubleCorrelation = -0.1;

    /// <summary>A 3 s window below this correlation is phase trouble (out-of-phase content dominates it).</summary>
    public const double PhaseTroubleWindowCorrelation = -0.3;

    /// <summary>Windows quieter than this (mean square per channel, -70 dBFS RMS) are not judged.</summary>
    public const double WindowGate = 1e-7;

    /// <inheritdoc />
    public StereoPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var first = BlockOf(chunk.StartFrame);
        var end = chunk.StartFrame + chunk.Frames;
        var blocks = new List<(double L, double R, double LR)>();
        var left = chunk.Samples(0);
        var right = chunk.Samples(1);
        for (var b = first; ; b++)
        {
            var from = Math.Max(chunk.StartFrame, Start(b));
            var to = Math.Min(end, Start(b + 1));
            if (from >= to && b > first)
            {
                break;
            }

            var l = left[(int)(from - chunk.StartFrame)..(int)(Math.Max(from, to) - chunk.StartFrame)];
            var r = right[(int)(from - chunk.StartFrame)..(int)(Math.Max(from, to) - chunk.StartFrame)];
            blocks.Add(PairSums.Products(l, r));
        }

        return new StereoPartial(
            first,
            [.. blocks.Select(b => b.L)],
            [.. blocks.Select(b => b.R)],
            [.. blocks.Select(b => b.LR)]);
    }

    /// <inheritdoc />
    public StereoResult Merge(IReadOnlyList<StereoPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        var count = partials.Count == 0 ? 0 : (int)partials.Max(p => p.FirstBlock + p.LeftSquares.Length);
        var l = new double[count];
        var r = new double[count];
        var lr = new double[count];
        foreach (var p in partials)
        {
            for (var i = 0; i < p.LeftSquares.Length; i++)
            {
                l[p.FirstBlock + i] += p.LeftSquares[i];
                r[p.FirstBlock + i] += p.RightSquares[i];
                lr[p.FirstBlock + i] += p.Products[i];
            }
        }

        double sl = l.Sum(), sr = r.Sum(), slr = lr.Sum();
        var correlation = Correlation(sl, sr, slr);
        double? worst = null;
        double? worstStart = null;
        for (var w = 0; w + WindowBlocks <= count; w++)
        {
            double wl = 0, wr = 0, wlr = 0;
            for (var i = w; i < w + WindowBlocks; i++)
            {
                wl += l[i];
                wr += r[i];
                wlr += lr[i];
            }

            var frames = Start(w + WindowBlocks) - Start(w);
            if (wl / frames < WindowGate || wr / frames < WindowGate)
            {
                continue;
            }

            var c = Correlation(wl, wr, wlr);
            if (c < (worst ?? double.MaxValue))
            {
                worst = c;
                worstStart = (double)Start(w) / sampleRate;
            }
        }

        var mid = (sl + (2 * slr) + sr) / 4;
        var side = (sl - (2 * slr) + sr) / 4;
        var silentFold = mid <= 0 && sl + sr > 0;
        return new StereoResult
        {
            Correlation = correlation,
            WorstWindowCorrelation = worst,
            WorstWindowStartSeconds = worstStart,
            WidthDb = mid > 0 && side > 0 ? 10 * Math.Log10(side / mid) : null,
            BalanceDb = sl > 0 && sr > 0 ? 10 * Math.Log10(sl / sr) : null,
            PhaseTrouble = correlation < PhaseTroubleCorrelation || worst < PhaseTroubleWindowCorrelation || silentFold,
        };
    }

    private static double? Correlation(double l, double r, double lr) => l > 0 && r > 0 ? Math.Clamp(lr / Math.Sqrt(l * r), -1, 1) : null;

    private long BlockOf(long frame)
    {
        var block = frame * (LoudnessAccumulator.SegmentsPerSecond / SubBlockSegments) / sampleRate;
        while (Start(block + 1) <= frame)
        {
            block++;
        }

        while (block > 0 && Start(block) > frame)
        {
            block--;
        }

        return block;
    }

    private long Start(long block) => LoudnessAccumulator.SegmentStart(block * SubBlockSegments, sampleRate);
}
