using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Loudness;

namespace MixFleet.Analysis.Peaks;

/// <summary>
/// Sample and true peak as a chunk metric. The true-peak kernel (<see cref="TruePeakMode"/>) needs
/// <see cref="ITruePeakKernel.History"/> samples of context, which the pre-roll provides, so chunk boundaries change
/// nothing; maxima merge exactly. A chunk's true peak is measured above the largest found so far in the track (see
/// <see cref="Floor"/>): exact for the track, whatever order the chunks run in.
/// </summary>
/// <remarks>
/// Over events: when a channel's chunk peak exceeds the over ceiling, the kernel runs again per 10 ms segment of the
/// global grid with the ceiling as its floor (so its exact pruning skips every group that cannot reach the ceiling), and
/// each segment over it is kept; consecutive segments form one <see cref="OverRun"/>. A value is credited to the segment
/// holding its newest input (at most <see cref="ITruePeakKernel.History"/> samples after it: ≤ 1.2 ms at 44.1 kHz), as
/// for the chunks, so the runs do not depend on the chunking. Values after the track's last sample (the flush) count
/// for the true peak, not for events.
/// </remarks>
public sealed class PeakMetric : IChunkMetric<PeakPartial, PeakResult>
{
    private readonly ITruePeakKernel _kernel;
    private readonly TruePeakMode _mode;
    private readonly int _sampleRate;
    private readonly double _overCeilingDbtp;
    private readonly float _overCeiling;
    private int[]? _knownPeakBits;

    /// <summary>Creates the metric with the default (<see cref="TruePeakMode.Reconstruction"/>) true peak.</summary>
    public PeakMetric(int sampleRate)
        : this(sampleRate, TruePeakMode.Reconstruction)
    {
    }

    /// <summary>Creates the metric with the true-peak kernel of <paramref name="mode"/>.</summary>
    public PeakMetric(int sampleRate, TruePeakMode mode)
        : this(sampleRate, mode, AnalysisOptions.Default.OverCeilingDbtp)
    {
    }

    /// <summary>Creates the metric with the true-peak kernel of <paramref name="mode"/> and over events above <paramref name="overCeilingDbtp"/>.</summary>
    public PeakMetric(int sampleRate, TruePeakMode mode, double overCeilingDbtp)
    {
        _kernel = TruePeakKernels.For(mode, sampleRate);
        _mode = mode;
        _sampleRate = sampleRate;
        _overCeilingDbtp = overCeilingDbtp;
        _overCeiling = (float)Decibels.ToAmplitude(overCeilingDbtp);
    }

    /// <inheritdoc />
    public PeakPartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var history = _kernel.History;
        var samplePeaks = new float[chunk.Channels];
        var truePeaks = new float[chunk.Channels];
        var overs = new long[chunk.Channels];
        var tail = new float[chunk.Channels][];
        List<OverRun>? runs = null;
        var known = LazyInitializer.EnsureInitialized(ref _knownPeakBits, () => new int[chunk.Channels]);
        for (var c = 0; c < chunk.Channels; c++)
        {
            var all = chunk.WithPreRoll(c);
            samplePeaks[c] = SamplePeakMeter.MaxAbs(chunk.Samples(c));
            (truePeaks[c], overs[c]) = _kernel.Measure(all[(chunk.PreRollFrames - history)..], Floor(samplePeaks[c], known, c));
            Raise(known, c, truePeaks[c]);
            tail[c] = all[^history..].ToArray();
            if (truePeaks[c] > _overCeiling)
            {
                OverSegments(chunk, c, runs ??= []);
            }
        }

        return new PeakPartial(samplePeaks, truePeaks, overs, tail) { OverRuns = runs ?? [] };
    }

    /// <summary>
    /// The kernel's floor for a channel of a chunk: its sample peak, or the largest true peak of the track's chunks
    /// measured so far if higher. Values at or below it cannot change the track's maximum, so the kernel's exact pruning
    /// may skip them (a quiet passage after a loud one costs next to nothing); the chunk's partial then reports the
    /// floor, which never exceeds the track's true peak. Capped at the over ceiling unless a sample is already over it,
    /// so a result above the ceiling still means a value of this chunk is.
    /// </summary>
    private float Floor(float samplePeak, int[] known, int channel)
    {
        var soFar = BitConverter.Int32BitsToSingle(Volatile.Read(ref known[channel]));
        return MathF.Max(samplePeak, samplePeak > _overCeiling ? soFar : MathF.Min(soFar, _overCeiling));
    }

    // Peaks are ≥ 0, and non-negative floats order like their bits: an atomic maximum on the bits (chunks run in parallel).
    private static void Raise(int[] known, int channel, float peak)
    {
        var bits = BitConverter.SingleToInt32Bits(peak);
        var current = Volatile.Read(ref known[channel]);
        while (bits > current)
        {
            var seen = Interlocked.CompareExchange(ref known[channel], bits, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    // The chunk's segments over the ceiling, joined into runs (the chunk starts on a segment boundary).
    private void OverSegments(AudioChunk chunk, int channel, List<OverRun> runs)
    {
        var all = chunk.WithPreRoll(channel);
        var history = _kernel.History;
        var segment = SegmentAt(chunk.StartFrame);
        var end = chunk.StartFrame + chunk.Frames;
        OverRun? open = null;
        for (var from = chunk.StartFrame; from < end; segment++)
        {
            var to = Math.Min(end, LoudnessAccumulator.SegmentStart(segment + 1, _sampleRate));
            var offset = (int)(from - chunk.StartFrame) + chunk.PreRollFrames;
            // The segment's own samples count too (a sample over the ceiling is an over whatever the kernel's grid).
            var samples = all[offset..(offset + (int)(to - from))];
            var (peak, _) = _kernel.Measure(all[(offset - history)..(offset + samples.Length)], MathF.Max(_overCeiling, SamplePeakMeter.MaxAbs(samples)));
            if (peak > _overCeiling)
            {
                open = open is { } r && r.StartFrame + r.Frames == from
                    ? r with { Frames = r.Frames + (to - from), Peak = MathF.Max(r.Peak, peak) }
                    : Close(open, runs) ?? new OverRun(channel, from, to - from, peak);
            }

            from = to;
        }

        Close(open, runs);
    }

    private static OverRun? Close(OverRun? run, List<OverRun> runs)
    {
        if (run is { } r)
        {
            runs.Add(r);
        }

        return null;
    }

    private long SegmentAt(long frame)
    {
        var segment = frame * LoudnessAccumulator.SegmentsPerSecond / _sampleRate;
        while (LoudnessAccumulator.SegmentStart(segment + 1, _sampleRate) <= frame)
        {
            segment++;
        }

        while (segment > 0 && LoudnessAccumulator.SegmentStart(segment, _sampleRate) > frame)
        {
            segment--;
        }

        return segment;
    }

    /// <inheritdoc />
    public PeakResult Merge(IReadOnlyList<PeakPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            return new PeakResult { SamplePeak = 0, TruePeak = 0, ChannelSamplePeaks = [], ChannelTruePeaks = [], InterSampleOvers = 0, Mode = _mode, Oversampling = _kernel.Oversampling };
        }

        var channels = partials[0].SamplePeaks.Length;
        var samplePeaks = new double[channels];
        var truePeaks = new double[channels];
        long overs = 0;
        for (var c = 0; c < channels; c++)
        {
            foreach (var partial in partials)
            {
                samplePeaks[c] = Math.Max(samplePeaks[c], partial.SamplePeaks[c]);
                truePeaks[c] = Math.Max(truePeaks[c], partial.TruePeaks[c]);
                overs += partial.Overs[c];
            }

            var (flushPeak, flushOvers) = Flush(partials[^1].Tail[c], (float)truePeaks[c]);
            truePeaks[c] = Math.Max(truePeaks[c], flushPeak);
            overs += flushOvers;
        }

        return new PeakResult
        {
            OverRuns = JoinOverRuns(partials),
            OverCeilingDbtp = _overCeilingDbtp,
            SamplePeak = samplePeaks.DefaultIfEmpty(0).Max(),
            TruePeak = truePeaks.DefaultIfEmpty(0).Max(),
            ChannelSamplePeaks = samplePeaks,
            ChannelTruePeaks = truePeaks,
            InterSampleOvers = overs,
            Mode = _mode,
            Oversampling = _kernel.Oversampling,
        };
    }

    // Runs of one channel that meet at a chunk boundary are one run.
    private static List<OverRun> JoinOverRuns(IReadOnlyList<PeakPartial> partials)
    {
        var joined = new List<OverRun>();
        var open = new Dictionary<int, int>();
        foreach (var run in partials.SelectMany(p => p.OverRuns))
        {
            if (open.TryGetValue(run.Channel, out var index) && joined[index].StartFrame + joined[index].Frames == run.StartFrame)
            {
                var r = joined[index];
                joined[index] = r with { Frames = r.Frames + run.Frames, Peak = MathF.Max(r.Peak, run.Peak) };
                continue;
            }

            open[run.Channel] = joined.Count;
            joined.Add(run);
        }

        return [.. joined.OrderBy(r => r.StartFrame).ThenBy(r => r.Channel)];
    }

    // After the last sample comes silence: reconstruct the tail into zeros, as playback would.
    private (float Max, long Overs) Flush(float[] tail, float floor)
    {
        var signal = new float[2 * _kernel.History];
        tail.CopyTo(signal, 0);
        return _kernel.Measure(signal, floor);
    }
}
