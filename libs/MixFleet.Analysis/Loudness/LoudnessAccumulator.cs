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
    private readonly KWeightingFilter[] _filters;
    private readonly long _firstSegment;
    private double[] _segments = new double[1024];
    private double[] _foldDown = [];
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
        _filters = new KWeightingFilter[_weights.Length];
        for (var c = 0; c < _weights.Length; c++)
        {
            _filters[c] = new KWeightingFilter(sampleRate);
        }
    }

    /// <summary>Track position: the start frame plus the frames consumed so far.</summary>
    public long Frames => _frames;

    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate => _sampleRate;

    /// <summary>The weighted energy sum of every segment completed so far (a trailing partial segment is left out).</summary>
    public ReadOnlySpan<double> CompletedSegments => _segments.AsSpan(0, (int)(SegmentOf(_frames) - _firstSegment));

    /// <summary>
    /// For a two-channel track: the energy of each completed segment of the mono fold-down (L+R)/2 played on both
    /// speakers (weight 2), Σ((y_L + y_R)/2)²·2, from the same filtered samples. Empty for any other channel count.
    /// </summary>
    public ReadOnlySpan<double> CompletedFoldDownSegments => _foldDown.Length == 0 ? [] : _foldDown.AsSpan(0, CompletedSegments.Length);

    /// <summary>First frame of segment <paramref name="segment"/> at <paramref name="sampleRate"/>.</summary>
    public static long SegmentStart(long segment, int sampleRate) => segment * sampleRate / SegmentsPerSecond;

    /// <summary>Consumes one planar block.</summary>
    public void Process(AudioBuffer block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Channels != _weights.Length)
        {
            throw new ArgumentException($"Expected {_weights.Length} channels, got {block.Channels}.", nameof(block));
        }

        Consume(c => block.ChannelStorage(c), 0, block.Frames);
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

        for (var c = 0; c < _weights.Length; c++)
        {
            _filters[c].Filter(chunk.PreRoll(c));
        }

        Consume(chunk.Storage, chunk.PreRollFrames, chunk.Frames);
    }

    private void Consume(Func<int, float[]> channel, int offset, int frames)
    {
        var end = _frames + frames;
        var last = SegmentOf(end);
        if (last + 1 - _firstSegment > _segments.Length)
        {
            Array.Resize(ref _segments, (int)Math.Max(last + 1 - _firstSegment, _segments.Length * 2L));
        }

        if (_weights.Length == 2 && _foldDown.Length != _segments.Length)
        {
            Array.Resize(ref _foldDown, _segments.Length);
        }

        for (var segment = SegmentOf(_frames); _frames < end; segment++)
        {
            var count = (int)(Math.Min(SegmentStart(segment + 1, _sampleRate), end) - _frames);
            var c = 0;
            var energy = 0.0;
            for (; c + 1 < _weights.Length; c += 2)
            {
                var (first, second, cross) = KWeightingFilter.FilterPair(
                    ref _filters[c], ref _filters[c + 1], channel(c).AsSpan(offset, count), channel(c + 1).AsSpan(offset, count));

                // An LFE channel (weight 0) is still filtered so its state stays valid, but adds nothing.
                energy += (_weights[c] * first) + (_weights[c + 1] * second);
                if (_weights.Length == 2)
                {
                    _foldDown[segment - _firstSegment] += (first + second + (2 * cross)) / 2;
                }
            }

            if (c < _weights.Length)
            {
                energy += _weights[c] * _filters[c].Filter(channel(c).AsSpan(offset, count));
            }

            _segments[segment - _firstSegment] += energy;
            offset += count;
            _frames += count;
        }
    }

    private long SegmentOf(long frame) => ((((frame + 1) * SegmentsPerSecond) + _sampleRate - 1) / _sampleRate) - 1;
}
