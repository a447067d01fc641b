using MixFleet.Analysis.Engine;
using MixFleet.Audio;

namespace MixFleet.Analysis.Loudness;

/// <summary>
/// The streaming half of the loudness meter: K-weights every channel and sums the weighted energy
/// Σ Gᵢ·yᵢ² of each 10 ms segment (BS.1770-4 §2.4 before the division by the block length).
/// </summary>
/// <remarks>
/// Segment <c>s</c> spans frames [⌊s·fs/100⌋, ⌊(s+1)·fs/100⌋), so every 400 ms gating block, every 3 s short-term
/// window and every 10 ms momentary step is an exact union of segments, at any sample rate. All the measures are
/// then rebuilt from the segment sums by <see cref="LoudnessCalculator"/>; nothing is lost by summing early.
/// </remarks>
public sealed class LoudnessAccumulator
{
    /// <summary>Segments per second (10 ms resolution: EBU Tech 3341 cases 12–14 need momentary every 10 ms).</summary>
    public const int SegmentsPerSecond = 100;

    private readonly int _sampleRate;
    private readonly double[] _weights;
    private readonly Dsp.Biquad[] _shelf;
    private readonly Dsp.Biquad[] _highPass;
    private readonly long _firstSegment;
    private double[] _segments = new double[1024];
    private long _frames;

    /// <summary>Creates the accumulator for a sample rate and the BS.1770 weight of each channel.</summary>
    /// <param name="sampleRate">Frames per second.</param>
    /// <param name="channelWeights">Gᵢ per channel (<see cref="ChannelWeights"/>).</param>
    /// <param name="startFrame">Track frame of the first frame fed; must start a 10 ms segment (chunks do).</param>
    public LoudnessAccumulator(int sampleRate, IReadOnlyList<double> channelWeights, long startFrame = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, AudioLimits.MinSampleRate);
        ArgumentNullException.ThrowIfNull(channelWeights);
        _sampleRate = sampleRate;
        _frames = startFrame;
        _firstSegment = SegmentOf(startFrame);
        if (SegmentStart(_firstSegment, sampleRate) != startFrame)
        {
            throw new ArgumentException($"Frame {startFrame} does not start a 10 ms segment.", nameof(startFrame));
        }

        _weights = channelWeights.ToArray();
        _shelf = new Dsp.Biquad[_weights.Length];
        _highPass = new Dsp.Biquad[_weights.Length];
        for (var c = 0; c < _weights.Length; c++)
        {
            _shelf[c] = KWeighting.Shelf(sampleRate);
            _highPass[c] = KWeighting.HighPass(sampleRate);
        }
    }

    /// <summary>Track position: the start frame plus the frames consumed so far.</summary>
    public long Frames => _frames;

    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate => _sampleRate;

    /// <summary>Consumes one planar block.</summary>
    public void Process(AudioBuffer block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Channels != _weights.Length)
        {
            throw new ArgumentException($"Expected {_weights.Length} channels, got {block.Channels}.", nameof(block));
        }

        EnsureCapacity(SegmentOf(_frames + block.Frames) + 1 - _firstSegment);
        for (var c = 0; c < _weights.Length; c++)
        {
            ProcessChannel(c, block.Channel(c));
        }

        _frames += block.Frames;
    }

    /// <summary>
    /// Consumes a chunk: the K-weighting runs over the pre-roll first (counting nothing) so that its state at the
    /// chunk's first frame matches a single pass over the whole track.
    /// </summary>
    public void Process(AudioChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.Channels != _weights.Length || chunk.StartFrame != _frames)
        {
            throw new ArgumentException("The chunk does not continue this accumulator.", nameof(chunk));
        }

        EnsureCapacity(SegmentOf(_frames + chunk.Frames) + 1 - _firstSegment);
        for (var c = 0; c < _weights.Length; c++)
        {
            Prime(c, chunk.PreRoll(c));
            ProcessChannel(c, chunk.Samples(c));
        }

        _frames += chunk.Frames;
    }

    /// <summary>The weighted energy sum of every segment completed so far (a trailing partial segment is left out).</summary>
    public ReadOnlySpan<double> CompletedSegments => _segments.AsSpan(0, (int)(SegmentOf(_frames) - _firstSegment));

    /// <summary>First frame of segment <paramref name="segment"/> at <paramref name="sampleRate"/>.</summary>
    public static long SegmentStart(long segment, int sampleRate) => segment * sampleRate / SegmentsPerSecond;

    private long SegmentOf(long frame) => ((((frame + 1) * SegmentsPerSecond) + _sampleRate - 1) / _sampleRate) - 1;

    private void Prime(int channel, ReadOnlySpan<float> samples)
    {
        ref var shelf = ref _shelf[channel];
        ref var highPass = ref _highPass[channel];
        foreach (var x in samples)
        {
            highPass.Process(shelf.Process(x));
        }
    }

    private void ProcessChannel(int channel, ReadOnlySpan<float> samples)
    {
        var weight = _weights[channel];
        ref var shelf = ref _shelf[channel];
        ref var highPass = ref _highPass[channel];
        var frame = _frames;
        var segment = SegmentOf(frame);
        var offset = 0;
        while (offset < samples.Length)
        {
            var segmentEnd = SegmentStart(segment + 1, _sampleRate);
            var count = (int)Math.Min(segmentEnd - frame, samples.Length - offset);
            var sum = 0.0;
            foreach (var x in samples.Slice(offset, count))
            {
                var y = highPass.Process(shelf.Process(x));
                sum += y * y;
            }

            // An LFE channel (weight 0) is still filtered so its state stays valid, but adds nothing.
            _segments[segment - _firstSegment] += weight * sum;
            offset += count;
            frame += count;
            segment++;
        }
    }

    private void EnsureCapacity(long segments)
    {
        if (segments > _segments.Length)
        {
            Array.Resize(ref _segments, (int)Math.Max(segments, _segments.Length * 2L));
        }
    }
}
