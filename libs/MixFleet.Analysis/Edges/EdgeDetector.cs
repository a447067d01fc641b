using MixFleet.Analysis.Loudness;

namespace MixFleet.Analysis.Edges;

/// <summary>
/// Finds fades and the body loudness at both ends of a track from its short-term loudness envelope (3 s windows,
/// 100 ms hop, <see cref="LoudnessResult.ShortTermEnergies"/>), restricted to the windows that lie wholly inside the
/// audible extent (after the leading and before the trailing silence). Rule (docs/track-metrics.md, "edges"):
/// </summary>
/// <remarks>
/// <para>Walk the envelope from the end backwards (from the start forwards for the intro), keeping the running
/// maximum. A <em>rise</em> (towards the inside of the track) of more than <see cref="ToleranceLu"/> above the level
/// where the current plateau began starts a new plateau there; the walk stops when the envelope dips more than
/// <see cref="ToleranceLu"/> below the running maximum (the music moves, no monotonic fade any more), when it has held
/// a plateau for <see cref="HoldSeconds"/>, or after <see cref="MaxFadeSeconds"/>. The body is the median of that last
/// plateau. The knee, where the fade begins (outro) or ends (intro), is the first window, walking inwards from the
/// edge, within <see cref="KneeLu"/> of the body; the 3 s window smooths the last part of a fade, so a fade reads
/// short by about half a second to a second (more for gentle fades).</para>
/// <para>When the body is at least <see cref="MinFadeLu"/> above the edge window, the track fades (or rings out):
/// the reported body is the plateau's median and the fade length runs from the knee to the edge. Otherwise there is
/// no fade, and the body is the edge window itself (what the listener hears last or first).</para>
/// <para>A pure function of the merged short-term energies and the silence extent, both exact across chunk
/// boundaries, so the result is too (held by the chunked-equals-single-pass property test).</para>
/// </remarks>
public static class EdgeDetector
{
    /// <summary>How far the envelope may move against a monotonic fade, and the width of a plateau, LU.</summary>
    public const double ToleranceLu = 1.0;

    /// <summary>How long the envelope must hold a plateau before it counts as the body, seconds.</summary>
    public const double HoldSeconds = 2.0;

    /// <summary>Smallest body-to-edge difference that counts as a fade, LU.</summary>
    public const double MinFadeLu = 3.0;

    /// <summary>The fade ends (intro) or begins (outro) where the envelope comes within this of the body, LU.</summary>
    public const double KneeLu = 0.5;

    /// <summary>Longest fade looked for, seconds.</summary>
    public const double MaxFadeSeconds = 60.0;

    /// <summary>Short-term window length, seconds.</summary>
    public const double WindowSeconds = 3.0;

    /// <summary>Seconds between short-term values.</summary>
    public const double HopSeconds = 1.0 / ShortTermSeries.HopsPerSecond;

    private const int HoldHops = (int)(HoldSeconds * ShortTermSeries.HopsPerSecond);
    private const int MaxFadeHops = (int)(MaxFadeSeconds * ShortTermSeries.HopsPerSecond);
    private const int WindowHops = (int)(WindowSeconds * ShortTermSeries.HopsPerSecond);

    /// <summary>The edges of a track.</summary>
    /// <param name="shortTermEnergies">Energy of the 3 s window ending at 3 + 0.1·i s, i = 0, 1, …</param>
    /// <param name="leadingSilenceSeconds">Silence before the first audible frame.</param>
    /// <param name="trailingSilenceSeconds">Silence after the last audible frame.</param>
    /// <param name="durationSeconds">The track's duration.</param>
    public static TrackEdges Detect(IReadOnlyList<double> shortTermEnergies, double leadingSilenceSeconds, double trailingSilenceSeconds, double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(shortTermEnergies);
        // Window i covers [0.1·i, 0.1·i + 3] s: inside the audible extent when it starts at or after the leading
        // silence and ends at or before the trailing silence (1 µs of slack for the decimal grid).
        var first = Math.Max(0, (int)Math.Ceiling((leadingSilenceSeconds * ShortTermSeries.HopsPerSecond) - 1e-5));
        var last = Math.Min(shortTermEnergies.Count - 1, (int)Math.Floor(((durationSeconds - trailingSilenceSeconds - WindowSeconds) * ShortTermSeries.HopsPerSecond) + 1e-5));
        if (last < first)
        {
            return new TrackEdges();
        }

        var envelope = new double[last - first + 1];
        for (var i = 0; i < envelope.Length; i++)
        {
            envelope[i] = Math.Max(LoudnessRange.AbsoluteGateLufs, LoudnessUnits.ToLufs(shortTermEnergies[first + i]));
        }

        var introBody = Body(envelope, forward: true);
        var outroBody = Body(envelope, forward: false);
        var introKnee = Knee(envelope, introBody, forward: true);
        var outroKnee = Knee(envelope, outroBody, forward: false);
        var intro = envelope[0];
        var outro = envelope[^1];
        var fadesIn = introBody - intro >= MinFadeLu;
        var fadesOut = outroBody - outro >= MinFadeLu;
        return new TrackEdges
        {
            IntroLufs = intro,
            IntroBodyLufs = fadesIn ? introBody : intro,
            // The knee window starts where the fade-in ends; the first window starts where the audio does.
            FadeInSeconds = fadesIn ? introKnee * HopSeconds : 0,
            OutroLufs = outro,
            OutroBodyLufs = fadesOut ? outroBody : outro,
            // The knee window ends where the fade-out begins; the last window ends where the audio does.
            FadeOutSeconds = fadesOut ? (envelope.Length - 1 - outroKnee) * HopSeconds : 0,
        };
    }

    /// <summary>The first index, walking inwards from the edge, where the envelope comes within <see cref="KneeLu"/> of the body.</summary>
    private static int Knee(double[] envelope, double body, bool forward)
    {
        var step = forward ? 1 : -1;
        var i = forward ? 0 : envelope.Length - 1;
        while (i + step >= 0 && i + step < envelope.Length && envelope[i] < body - KneeLu)
        {
            i += step;
        }

        return i;
    }

    /// <summary>The body level: the median of the plateau the walk inwards from the edge ends on.</summary>
    private static double Body(double[] envelope, bool forward)
    {
        var step = forward ? 1 : -1;
        var start = forward ? 0 : envelope.Length - 1;
        var anchor = envelope[start];
        var knee = start;
        var max = anchor;
        var held = 0;
        var end = start;
        for (int n = 1, i = start + step; n <= MaxFadeHops && i >= 0 && i < envelope.Length; n++, i += step)
        {
            var level = envelope[i];
            if (level < max - ToleranceLu)
            {
                break;
            }

            end = i;
            max = Math.Max(max, level);
            if (level > anchor + ToleranceLu)
            {
                // Still rising away from the edge: the plateau starts (again) here.
                anchor = level;
                knee = i;
                held = 0;
            }
            else if (++held >= HoldHops)
            {
                break;
            }
        }

        var (lo, hi) = forward ? (knee, end) : (end, knee);
        var plateau = envelope[lo..(hi + 1)];
        Array.Sort(plateau);
        var median = plateau.Length % 2 == 1 ? plateau[plateau.Length / 2] : (plateau[(plateau.Length / 2) - 1] + plateau[plateau.Length / 2]) / 2;
        return median;
    }
}
