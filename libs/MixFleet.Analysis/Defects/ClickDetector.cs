using System.Buffers;
using System.Numerics;

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
    private const int ResidualFrames = Residual.Reach;

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

        // Everything the decisions in [from, to) read: |e| over [lo, hi) (local index i = x index − lo), and the samples
        // that may exceed, [from − isolation, to + maxClick + isolation).
        var lo = from - isolation - guard - window;
        var hi = Math.Min(x.Length, to + maxClick + isolation + guard + window + 1);
        var n = hi - lo;
        var src = x[(lo - ResidualFrames)..hi];
        var exceedFrom = from - isolation;
        var exceedTo = Math.Min(x.Length, to + maxClick + isolation);
        var block = BlockLength(window);
        var blocks = (n + block - 1) / block;
        var prefixArray = ArrayPool<double>.Shared.Rent(blocks + 1);
        var maxArray = ArrayPool<float>.Shared.Rent(blocks);
        List<int>? exceeding;
        try
        {
            Residual.Blocks(src, n, block, prefixArray, maxArray);
            exceeding = Exceeding(src, n, exceedFrom - lo, exceedTo - lo, block, prefixArray, maxArray, guard, window);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(prefixArray);
            ArrayPool<float>.Shared.Return(maxArray);
        }

        if (exceeding is null)
        {
            return;
        }

        // Isolated exceeding samples in [from, to) start a click (indices in x from here on).
        for (var p = 0; p < exceeding.Count; p++)
        {
            var k = exceeding[p] + lo;
            if (k < from || k >= to || (p > 0 && exceeding[p - 1] + lo >= k - isolation))
            {
                continue;
            }

            var last = k;
            var q = p + 1;
            for (; q < exceeding.Count && exceeding[q] + lo < k + maxClick; q++)
            {
                last = exceeding[q] + lo;
            }

            if (q < exceeding.Count && exceeding[q] + lo < k + maxClick + isolation)
            {
                continue;
            }

            var peak = 0.0;
            var at = k;
            for (var j = k; j <= last; j++)
            {
                var r = Residual.At(src, j - lo);
                if (r > peak)
                {
                    peak = r;
                    at = j;
                }
            }

            if (!StandsAlone(src, at - lo, peak, guard + window, n))
            {
                continue;
            }

            var localLevel = Level(src, k - lo, guard, window, n);
            found.Add((k, last - k + 1, 20 * Math.Log10(peak / Math.Max(localLevel, 1e-12))));
        }
    }

    // The local indices in [iFrom, iTo) that exceed, ascending; null when none does. Blocks of residuals are settled
    // first by bounds: a block's largest residual against a lower bound of every window sum its samples compare with
    // (the whole blocks common to all of their before-windows, or after-windows); only samples the bounds cannot settle
    // get their window sums. The bounds keep a 1e-4 margin over float rounding, so they settle no sample the exact
    // comparison would let exceed: a block's sum is within 1e-6 relative of its exact Σ|e| (Residual.Blocks; every |e|
    // is ≥ 0, so the rounding is relative whatever the residual's gain), and a difference of the double prefix sums
    // loses at most 2⁻⁵³ × the running total per addition between its ends (≤ window / block + 2 of them), the total
    // being ≤ 16/3 × max |x| per residual (the fourth difference's largest gain, (1 + 4 + 6 + 4 + 1) / 3, against 4 for
    // the second difference): ≤ 3e-7 absolute even over 10 minutes at 44.1 kHz and full scale, where a bound only
    // matters above window × floor / ratio ≈ 0.14 (r ≤ floor settles a sample first).
    private static List<int>? Exceeding(ReadOnlySpan<float> src, int n, int iFrom, int iTo, int block, double[] prefix, float[] max, int guard, int window)
    {
        const double margin = 1 - 1e-4;
        var shift = BitOperations.Log2((uint)block); // block is a power of two: no division per block
        List<int>? exceeding = null;
        for (var j = iFrom >> shift; j << shift < iTo; j++)
        {
            var s = Math.Max(j << shift, iFrom);
            var e = Math.Min(Math.Min((j + 1) << shift, iTo), n);
            var top = max[j];
            if (s >= e || top <= Floor)
            {
                continue;
            }

            // Before-windows [i − guard − window, i − guard) for i in [s, e) share [e − 1 − guard − window, s − guard);
            // after-windows, when whole, [i + guard + 1, i + guard + 1 + window) share [e + guard, s + guard + 1 + window).
            var bound = Inside(prefix, shift, n, e - 1 - guard - window, s - guard);
            if (e + guard + window <= n)
            {
                bound = Math.Max(bound, Inside(prefix, shift, n, e + guard, s + guard + 1 + window));
            }

            bound *= Ratio * margin;
            if ((double)top * window <= bound)
            {
                continue;
            }

            for (var i = s; i < e; i++)
            {
                double r = Residual.At(src, i);
                if (r <= Floor || r * window <= bound)
                {
                    continue;
                }

                // The rule as written: the before-window first, then the larger of the two sides (r × window is exact in
                // double).
                var before = Residual.Sum(src, i - guard - window, window);
                if (r * window <= Ratio * before || r <= Ratio * Level(src, i, guard, window, n))
                {
                    continue;
                }

                (exceeding ??= []).Add(i);
            }
        }

        return exceeding;
    }

    // The peak is PeakMargin above every residual within `span` on either side but the CoreFrames next to it. The
    // look-back and look-ahead hold the whole span (isolation > CoreFrames), cut only at the track's end. Runs only for
    // the candidates that passed the isolation rule.
    private static bool StandsAlone(ReadOnlySpan<float> src, int i, double peak, int span, int n)
    {
        var limit = peak / PeakMargin;
        return Residual.Max(src, i - CoreFrames - span, span) < limit
            && Residual.Max(src, i + CoreFrames + 1, Math.Min(n, i + CoreFrames + 1 + span) - (i + CoreFrames + 1)) < limit;
    }

    // Σ|e| of the whole blocks inside [from, to).
    private static double Inside(double[] prefix, int shift, int n, int from, int to)
    {
        var first = (Math.Max(0, from) + (1 << shift) - 1) >> shift;
        var end = Math.Min(to, n) >> shift;
        return end > first ? prefix[end] - prefix[first] : 0;
    }

    // Blocks of at most an eighth of the local-level window, so whole blocks cover most of the windows' common part.
    private static int BlockLength(int window) => window >= 512 ? 64 : window >= 256 ? 32 : window >= 128 ? 16 : 8;

    private static int Frames(double seconds, int sampleRate) => Math.Max(1, (int)Math.Round(seconds * sampleRate));

    // Mean |e| of the window before i and of the one after (cut at the end of the data), the larger of the two.
    private static double Level(ReadOnlySpan<float> src, int i, int guard, int window, int n)
    {
        var before = Residual.Sum(src, i - guard - window, window) / window;
        var afterStart = Math.Min(n, i + guard + 1);
        var afterEnd = Math.Min(n, afterStart + window);
        var after = afterEnd > afterStart ? Residual.Sum(src, afterStart, afterEnd - afterStart) / (afterEnd - afterStart) : 0;
        return Math.Max(before, after);
    }
}
