using System.Buffers;

namespace MixFleet.Analysis.Defects;

/// <summary>
/// Finds clicks: isolated discontinuities that stand out from the local signal. Pure DSP over one channel.
/// </summary>
/// <remarks>
/// <para>The residual is the fourth difference e[n] = (x[n] − 4x[n−1] + 6x[n−2] − 4x[n−3] + x[n−4]) / 3, a high-pass
/// (+24 dB/octave; the third scales a spike's peak residual to twice its amplitude) that is
/// small for anything smooth and large at a step or an impulse. A sample <i>exceeds</i> when |e[n]| is above
/// <see cref="FloorDbfs"/> and more than <see cref="RatioDb"/> above the local level: the larger of the mean |e| over
/// the <see cref="WindowSeconds"/> before n and the one after n, each kept <see cref="GuardSeconds"/> away from n so the
/// click itself does not raise them. Taking the larger side is what spares transients: a drum hit's onset is followed
/// by a loud, noisy residual, a click is not.</para>
/// <para>A click starts at n when n exceeds, nothing exceeds in the <see cref="IsolationSeconds"/> before it, and
/// nothing exceeds from <see cref="MaxClickSeconds"/> after it for another <see cref="IsolationSeconds"/>: it lasts at
/// most 2 ms and stands alone. Its peak residual must also stand <see cref="PeakMarginDb"/> above every other |e| within
/// <see cref="GuardSeconds"/> + <see cref="WindowSeconds"/> on either side, the <see cref="CoreFrames"/> samples next to
/// the peak excepted: a digital click is a sample-level event (a spike is e = [1, −4, 6, −4, 1]·a/3, a step [1, −3, 3, −1]·a/3) with nothing
/// like it nearby, where a drum hit, a hard-edged synth waveform or a codec transient brings several residual peaks of
/// about its size within a few milliseconds (3.3 hours of real music,
/// docs/track-metrics.md: 4,300 click findings an hour before this rule and the fourth difference, 52 after). Every decision reads only [n − <see cref="LookbackSeconds"/>, n +
/// <see cref="LookaheadSeconds"/>] (cut at the track's end), so a chunk decides the frames whose look-ahead it holds and
/// the next chunk, or the merge for the track's last frames, decides the rest: the same clicks whatever the chunking.</para>
/// </remarks>
public static class ClickDetector
{
    /// <summary>How far above the local level a residual must stand, dB (×10).</summary>
    public const double RatioDb = 20;

    /// <summary>Residuals below this never count (near-silence), dBFS.</summary>
    public const double FloorDbfs = -50;

    /// <summary>Longest click.</summary>
    public const double MaxClickSeconds = 0.002;

    /// <summary>Quiet (nothing exceeding) needed before and after a click.</summary>
    public const double IsolationSeconds = 0.005;

    /// <summary>Distance between n and the windows of its local level.</summary>
    public const double GuardSeconds = 0.002;

    /// <summary>Length of each local-level window.</summary>
    public const double WindowSeconds = 0.010;

    /// <summary>How far a click's peak residual must stand above every other residual around it, dB.</summary>
    public const double PeakMarginDb = 9;

    /// <summary>Samples on each side of a click's peak residual that belong to the click (a spike's e = [1, −4, 6, −4, 1]·a/3).</summary>
    public const int CoreFrames = 2;

    /// <summary>How far after a frame its decision reads.</summary>
    public const double LookaheadSeconds = MaxClickSeconds + IsolationSeconds + GuardSeconds + WindowSeconds;

    /// <summary>How far before a frame its decision reads (the residual reads four more samples).</summary>
    public const double LookbackSeconds = IsolationSeconds + GuardSeconds + WindowSeconds;

    // Samples before n the residual reads.
    private const int ResidualFrames = 4;

    private static readonly double Ratio = Math.Pow(10, RatioDb / 20);
    private static readonly double Floor = Decibels.ToAmplitude(FloorDbfs);
    private static readonly double PeakMargin = Decibels.ToAmplitude(PeakMarginDb);

    /// <summary>Frames after a frame that its decision reads.</summary>
    public static int LookaheadFrames(int sampleRate) => Frames(MaxClickSeconds, sampleRate) + Frames(IsolationSeconds, sampleRate) + Frames(GuardSeconds, sampleRate) + Frames(WindowSeconds, sampleRate);

    /// <summary>Frames before a frame that its decision reads, the residual's four included.</summary>
    public static int LookbackFrames(int sampleRate) => Frames(IsolationSeconds, sampleRate) + Frames(GuardSeconds, sampleRate) + Frames(WindowSeconds, sampleRate) + ResidualFrames;

    /// <summary>
    /// The clicks starting in <paramref name="x"/>[<paramref name="from"/>, <paramref name="to"/>). <paramref name="x"/>
    /// must hold <see cref="LookbackFrames"/> before <paramref name="from"/>, and either <see cref="LookaheadFrames"/>
    /// after <paramref name="to"/> or end where the track ends.
    /// </summary>
    /// <param name="x">One channel's samples.</param>
    /// <param name="from">First index decided.</param>
    /// <param name="to">End of the indices decided.</param>
    /// <param name="sampleRate">Frames per second.</param>
    /// <param name="found">Receives (index in <paramref name="x"/>, frames, ratio in dB) of each click.</param>
    public static void Find(ReadOnlySpan<float> x, int from, int to, int sampleRate, List<(int Index, int Frames, double RatioDb)> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (to <= from)
        {
            return;
        }

        var maxClick = Frames(MaxClickSeconds, sampleRate);
        var isolation = Frames(IsolationSeconds, sampleRate);
        var guard = Frames(GuardSeconds, sampleRate);
        var window = Frames(WindowSeconds, sampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(from, LookbackFrames(sampleRate));

        // |e| and its prefix sums over [lo, hi): everything the decisions in [from, to) read.
        var lo = from - isolation - guard - window;
        var hi = Math.Min(x.Length, to + maxClick + isolation + guard + window + 1);
        var n = hi - lo;
        var residualArray = ArrayPool<float>.Shared.Rent(n);
        var prefixArray = ArrayPool<double>.Shared.Rent(n + 1);
        try
        {
            Decide(x, from, to, lo, n, residualArray, prefixArray, maxClick, isolation, guard, window, found);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(residualArray);
            ArrayPool<double>.Shared.Return(prefixArray);
        }
    }

    private static void Decide(ReadOnlySpan<float> x, int from, int to, int lo, int n, float[] residual, double[] prefix, int maxClick, int isolation, int guard, int window, List<(int Index, int Frames, double RatioDb)> found)
    {
        prefix[0] = 0;
        for (var i = 0; i < n; i++)
        {
            var k = lo + i;
            var r = MathF.Abs(x[k] - (4 * (x[k - 1] + x[k - 3])) + (6 * x[k - 2]) + x[k - 4]) / 3;
            residual[i] = r;
            prefix[i + 1] = prefix[i] + r;
        }

        // Exceeding samples over [from − isolation, to + maxClick + isolation), in x indices.
        var exceedFrom = from - isolation;
        var exceedTo = Math.Min(x.Length, to + maxClick + isolation);
        var exceeds = new bool[exceedTo - exceedFrom];
        var any = false;
        for (var k = exceedFrom; k < exceedTo; k++)
        {
            var r = residual[k - lo];

            // The before-window alone settles almost every sample: most are not 10× its mean.
            var i = k - lo;
            if (r <= Floor || r * window <= Ratio * (prefix[i - guard] - prefix[i - guard - window]))
            {
                continue;
            }

            var level = Level(prefix, i, guard, window, n);
            if (r > Ratio * level)
            {
                exceeds[k - exceedFrom] = true;
                any = true;
            }
        }

        if (!any)
        {
            return;
        }

        for (var k = from; k < to; k++)
        {
            if (!exceeds[k - exceedFrom] || Any(exceeds, k - isolation - exceedFrom, k - exceedFrom) || Any(exceeds, k + maxClick - exceedFrom, k + maxClick + isolation - exceedFrom))
            {
                continue;
            }

            var last = k;
            for (var j = k + 1; j < Math.Min(k + maxClick, exceedTo); j++)
            {
                if (exceeds[j - exceedFrom])
                {
                    last = j;
                }
            }

            var peak = 0.0;
            var at = k;
            for (var j = k; j <= last; j++)
            {
                if (residual[j - lo] > peak)
                {
                    peak = residual[j - lo];
                    at = j;
                }
            }

            if (!StandsAlone(residual, at - lo, peak, guard + window, n))
            {
                continue;
            }

            var localLevel = Level(prefix, k - lo, guard, window, n);
            found.Add((k, last - k + 1, 20 * Math.Log10(peak / Math.Max(localLevel, 1e-12))));
        }
    }

    private static int Frames(double seconds, int sampleRate) => Math.Max(1, (int)Math.Round(seconds * sampleRate));

    // Mean |e| of the window before i and of the one after (cut at the end of the data), the larger of the two.
    private static double Level(double[] prefix, int i, int guard, int window, int n)
    {
        var beforeEnd = i - guard;
        var before = (prefix[beforeEnd] - prefix[beforeEnd - window]) / window;
        var afterStart = Math.Min(n, i + guard + 1);
        var afterEnd = Math.Min(n, afterStart + window);
        var after = afterEnd > afterStart ? (prefix[afterEnd] - prefix[afterStart]) / (afterEnd - afterStart) : 0;
        return Math.Max(before, after);
    }

    // The peak is PeakMargin above every residual within `span` on either side but the CoreFrames next to it. The
    // look-back and look-ahead hold the whole span (isolation > CoreFrames), cut only at the track's end.
    private static bool StandsAlone(float[] residual, int i, double peak, int span, int n)
    {
        var limit = peak / PeakMargin;
        for (var j = i - CoreFrames - span; j < i - CoreFrames; j++)
        {
            if (residual[j] >= limit)
            {
                return false;
            }
        }

        for (var j = i + CoreFrames + 1; j < Math.Min(n, i + CoreFrames + 1 + span); j++)
        {
            if (residual[j] >= limit)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Any(bool[] flags, int from, int to)
    {
        for (var i = Math.Max(0, from); i < Math.Min(flags.Length, to); i++)
        {
            if (flags[i])
            {
                return true;
            }
        }

        return false;
    }
}
