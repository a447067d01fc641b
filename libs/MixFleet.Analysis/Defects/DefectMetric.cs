using MixFleet.Analysis.Dsp;
using MixFleet.Analysis.Engine;

namespace MixFleet.Analysis.Defects;

/// <summary>
/// Clicks (<see cref="ClickDetector"/>), abrupt starts and ends, dual-mono and inverted polarity as a chunk metric.
/// </summary>
/// <remarks>
/// Clicks: each chunk decides the frames [start − D, end − D) with D = <see cref="ClickDetector.LookaheadFrames"/>, whose
/// look-back lies in its pre-roll and look-ahead in its own frames; the merge decides the track's last D frames from
/// the final chunk's tail. The edges are the first and last <see cref="EdgeSeconds"/>; the channel relations are sums,
/// so every chunking gives the same findings.
/// </remarks>
public sealed class DefectMetric(int sampleRate) : IChunkMetric<DefectPartial, DefectFindings>
{
    /// <summary>How much of each end of the track the abrupt start/end rule looks at.</summary>
    public const double EdgeSeconds = 0.001;

    /// <summary>Channel energy (mean square) below which the channel relations are not judged (-70 dBFS RMS).</summary>
    public const double RelationGate = 1e-7;

    private readonly int _lookahead = ClickDetector.LookaheadFrames(sampleRate);
    private readonly int _tail = ClickDetector.LookaheadFrames(sampleRate) + ClickDetector.LookbackFrames(sampleRate);
    private readonly int _edge = Math.Max(1, (int)Math.Round(EdgeSeconds * sampleRate));

    /// <summary>Pre-roll the metric needs before every chunk, frames.</summary>
    public static int PreRollFrames(int sampleRate) => ClickDetector.LookaheadFrames(sampleRate) + ClickDetector.LookbackFrames(sampleRate) + 2;

    /// <inheritdoc />
    public DefectPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.PreRollFrames < PreRollFrames(sampleRate))
        {
            throw new ArgumentException($"The defect metric needs {PreRollFrames(sampleRate)} frames of pre-roll, the chunk has {chunk.PreRollFrames}.", nameof(chunk));
        }

        var start = chunk.StartFrame;
        var from = Math.Max(0, start - _lookahead);
        var to = Math.Max(0, start + chunk.Frames - _lookahead);
        var clicks = new List<Click>();
        var found = new List<(int Index, int Frames, double RatioDb)>();
        var tail = new float[chunk.Channels][];
        for (var c = 0; c < chunk.Channels; c++)
        {
            var x = chunk.WithPreRoll(c);
            found.Clear();
            ClickDetector.Find(x, (int)(from - start) + chunk.PreRollFrames, (int)(to - start) + chunk.PreRollFrames, sampleRate, found);
            clicks.AddRange(found.Select(f => new Click(c, start - chunk.PreRollFrames + f.Index, f.Frames, f.RatioDb)));
            tail[c] = x[^_tail..].ToArray();
        }

        float[][]? head = null;
        if (start == 0)
        {
            head = new float[chunk.Channels][];
            for (var c = 0; c < chunk.Channels; c++)
            {
                var x = chunk.Samples(c);
                head[c] = x[..Math.Min(_edge, x.Length)].ToArray();
            }
        }

        ChannelSums? sums = null;
        if (chunk.Channels == 2)
        {
            var l = chunk.Samples(0);
            var r = chunk.Samples(1);
            var (left, right, difference, sum, equal) = PairSums.Relation(l, r);
            sums = new ChannelSums(left, right, difference, sum, equal);
        }

        return new DefectPartial([.. clicks.OrderBy(k => k.Frame).ThenBy(k => k.Channel)], head, tail, sums) { End = start + chunk.Frames };
    }

    /// <inheritdoc />
    public DefectFindings Merge(IReadOnlyList<DefectPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            return new DefectFindings { Clicks = [] };
        }

        var last = partials[^1];
        var frames = last.End;
        var clicks = partials.SelectMany(p => p.Clicks).ToList();
        var found = new List<(int Index, int Frames, double RatioDb)>();
        var trackStartInTail = frames - _tail;
        for (var c = 0; c < last.Tail.Length; c++)
        {
            // The track's last frames: their look-ahead ends with the track.
            found.Clear();
            var from = (int)(Math.Max(0, frames - _lookahead) - trackStartInTail);
            ClickDetector.Find(last.Tail[c], from, _tail, sampleRate, found);
            clicks.AddRange(found.Select(f => new Click(c, trackStartInTail + f.Index, f.Frames, f.RatioDb)));
        }

        var sums = partials.Select(p => p.Channels).Aggregate((ChannelSums?)null, (a, b) => a is null ? b : b is null ? a : a.Plus(b));
        var (correlation, differenceDb) = Relation(sums, frames);
        return new DefectFindings
        {
            // A step at frame 0 (the pre-roll's zeros, then audio) is the abrupt-start rule's, not a click.
            Clicks = [.. clicks.Where(k => k.Frame >= _edge).OrderBy(k => k.Frame).ThenBy(k => k.Channel)],
            StartRmsDbfs = LoudestRms(partials[0].Head ?? [], head: true),
            EndRmsDbfs = LoudestRms(last.Tail, head: false),
            Identical = sums is { Identical: true } && correlation is not null,
            DifferenceDb = differenceDb,
            Correlation = correlation,
        };
    }

    private static (double? Correlation, double? DifferenceDb) Relation(ChannelSums? sums, long frames)
    {
        if (sums is null || frames <= 0 || sums.Left / frames < RelationGate || sums.Right / frames < RelationGate)
        {
            return (null, null);
        }

        // Σ(L+R)² − Σ(L−R)² = 4ΣLR.
        var correlation = Math.Clamp((sums.Sum - sums.Difference) / 4 / Math.Sqrt(sums.Left * sums.Right), -1, 1);
        var mean = (sums.Left + sums.Right) / 2;
        double? differenceDb = sums.Difference > 0 ? 10 * Math.Log10(sums.Difference / mean) : null;
        return (correlation, differenceDb);
    }

    private double? LoudestRms(float[][] channels, bool head)
    {
        double loudest = 0;
        foreach (var x in channels)
        {
            var edge = head ? x.AsSpan(0, Math.Min(_edge, x.Length)) : x.AsSpan(Math.Max(0, x.Length - _edge));
            if (edge.Length > 0)
            {
                loudest = Math.Max(loudest, VectorSums.SumOfSquares(edge) / edge.Length);
            }
        }

        return loudest > 0 ? 10 * Math.Log10(loudest) : null;
    }
}
