using System.Numerics;
using System.Runtime.Intrinsics;
using MixFleet.Analysis.Dsp;
using MixFleet.Analysis.Engine;

namespace MixFleet.Analysis.SilenceDetection;

/// <summary>
/// Silence as a chunk metric. Leading/trailing silence: frames where every channel has |x| ≤ -60 dBFS (0.001), the
/// level below which a track's head or tail is inaudible at any sane playback gain. Dropouts: runs of at least 10 ms
/// where every channel is exactly 0 (digital silence: an edit or a transfer error, never a fade), counted only
/// between the leading and trailing silence. Runs crossing chunk boundaries are joined in the merge.
/// </summary>
public sealed class SilenceMetric(int sampleRate) : IChunkMetric<SilencePartial, SilenceResult>
{
    /// <summary>Leading/trailing silence threshold, dBFS.</summary>
    public const double ThresholdDbfs = -60;

    /// <summary>Shortest run of digital silence counted as a dropout.</summary>
    public const double MinDropoutSeconds = 0.010;

    /// <summary>Most dropouts listed with their position.</summary>
    public const int MaxPositions = 100;

    private static readonly float Threshold = (float)Decibels.ToAmplitude(ThresholdDbfs);
    private readonly int _minDropout = Math.Max(1, (int)Math.Round(MinDropoutSeconds * sampleRate));

    /// <inheritdoc />
    public SilencePartial Measure(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        int? first = null;
        int? last = null;
        for (var c = 0; c < chunk.Channels; c++)
        {
            var x = chunk.Samples(c);
            var f = x.IndexOfAnyExceptInRange(-Threshold, Threshold);
            if (f >= 0)
            {
                first = Math.Min(first ?? int.MaxValue, f);
                last = Math.Max(last ?? -1, x.LastIndexOfAnyExceptInRange(-Threshold, Threshold));
            }
        }

        return new SilencePartial(chunk.StartFrame + first, chunk.StartFrame + last, Zeros(chunk));
    }

    /// <inheritdoc />
    public SilenceResult Merge(IReadOnlyList<SilencePartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        var total = partials.Sum(p => (long)p.Zeros.Frames);
        var first = partials.Select(p => p.FirstAudible).FirstOrDefault(f => f.HasValue);
        var last = partials.Select(p => p.LastAudible).LastOrDefault(f => f.HasValue);
        if (first is not { } start || last is not { } end)
        {
            var all = (double)total / sampleRate;
            return new SilenceResult { LeadingSeconds = all, TrailingSeconds = all, Dropouts = 0, LongestDropoutSeconds = 0, DropoutStartsSeconds = [] };
        }

        var dropouts = RunJoiner.Join(partials.Select(p => p.Zeros), _minDropout)
            .Where(r => r.Start > start && r.Start + r.Length - 1 < end)
            .ToList();
        return new SilenceResult
        {
            LeadingSeconds = (double)start / sampleRate,
            TrailingSeconds = (double)(total - end - 1) / sampleRate,
            Dropouts = dropouts.Count,
            LongestDropoutSeconds = dropouts.Count == 0 ? 0 : (double)dropouts.Max(r => r.Length) / sampleRate,
            DropoutStartsSeconds = [.. dropouts.Take(MaxPositions).Select(r => (double)r.Start / sampleRate)],
            DropoutDurationsSeconds = [.. dropouts.Take(MaxPositions).Select(r => (double)r.Length / sampleRate)],
        };
    }

    private RunPartial Zeros(AudioChunk chunk)
    {
        var builder = new RunBuilder(chunk.StartFrame, chunk.Frames, _minDropout);
        var x0 = chunk.Samples(0);
        var i = 0;
        while (i < chunk.Frames)
        {
            // Jump to the next frame where channel 0 is zero (vectorised), then check the other channels.
            var next = IndexOfZero(x0[i..]);
            if (next < 0)
            {
                break;
            }

            var start = i + next;
            var end = start;
            while (end < chunk.Frames && IsZeroFrame(chunk, end))
            {
                end++;
            }

            builder.Add(start, end - start);
            i = end + 1;
        }

        return builder.Build();
    }

    // As IndexOf(0f) (which -0 matches too), which is not vectorised for float.
    private static int IndexOfZero(ReadOnlySpan<float> x)
    {
        var i = 0;
        for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var zeros = Vector256.Equals(Vector256.Create(x.Slice(i, Vector256<float>.Count)), Vector256<float>.Zero).ExtractMostSignificantBits();
            if (zeros != 0)
            {
                return i + BitOperations.TrailingZeroCount(zeros);
            }
        }

        for (; i < x.Length; i++)
        {
            if (x[i] == 0f)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsZeroFrame(AudioChunk chunk, int frame)
    {
        for (var c = 0; c < chunk.Channels; c++)
        {
            if (chunk.Samples(c)[frame] != 0f)
            {
                return false;
            }
        }

        return true;
    }
}
