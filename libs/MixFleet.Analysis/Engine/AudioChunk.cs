using System.Buffers;

namespace MixFleet.Analysis.Engine;

/// <summary>
/// A run of a track's audio analyzed on its own core: the chunk's own frames, preceded by a pre-roll copied from the
/// end of the previous chunk (zeros before the first chunk, which is what a single pass over the track sees too).
/// </summary>
/// <remarks>
/// Chunks start on 10 ms segment boundaries (<see cref="ChunkLayout"/>), so each chunk's loudness segments are whole.
/// The pre-roll and the frames share one array per channel, so a filter can run straight from one into the other.
/// </remarks>
public sealed class AudioChunk : IDisposable
{
    private readonly float[][] _data;
    private readonly bool _fromSharedPool;
    private bool _disposed;

    /// <summary>Creates an empty chunk for reuse; its buffers come from <see cref="ArrayPool{T}.Shared"/> until disposed.</summary>
    public AudioChunk(int channels, int preRollFrames, int capacityFrames)
    {
        _data = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            // Rented arrays may be longer and hold stale data: every view below is bounded by the lengths, and a chunk is
            // written (pre-roll by Follow, frames by the producer) before anything reads it.
            _data[c] = ArrayPool<float>.Shared.Rent(preRollFrames + capacityFrames);
        }

        PreRollFrames = preRollFrames;
        CapacityFrames = capacityFrames;
        _fromSharedPool = true;
    }

    /// <summary>A chunk over buffers the caller owns (rented from a <see cref="MemoryReservation"/>).</summary>
    internal AudioChunk(float[][] data, int preRollFrames, int capacityFrames)
    {
        _data = data;
        PreRollFrames = preRollFrames;
        CapacityFrames = capacityFrames;
    }

    /// <summary>Position of the chunk in the track, from 0.</summary>
    public int Index { get; internal set; }

    /// <summary>The track frame of the chunk's first frame.</summary>
    public long StartFrame { get; internal set; }

    /// <summary>Frames of pre-roll before the chunk's own frames.</summary>
    public int PreRollFrames { get; }

    /// <summary>The chunk's own frames.</summary>
    public int Frames { get; internal set; }

    /// <summary>Most frames the chunk holds.</summary>
    public int CapacityFrames { get; }

    /// <summary>The reservation the buffers are counted against; null for a chunk over the shared array pool.</summary>
    internal MemoryReservation? Reservation { get; init; }

    /// <summary>Channel count.</summary>
    public int Channels => _data.Length;

    /// <summary>The chunk's own samples of one channel.</summary>
    public ReadOnlySpan<float> Samples(int channel) => _data[channel].AsSpan(PreRollFrames, Frames);

    /// <summary>Pre-roll then the chunk's own samples of one channel, contiguous.</summary>
    public ReadOnlySpan<float> WithPreRoll(int channel) => _data[channel].AsSpan(0, PreRollFrames + Frames);

    /// <summary>The pre-roll of one channel: the previous chunk's last frames, zeros for the first chunk.</summary>
    public ReadOnlySpan<float> PreRoll(int channel) => _data[channel].AsSpan(0, PreRollFrames);

    /// <summary>The whole backing array of one channel: pre-roll at [0, <see cref="PreRollFrames"/>), then the frames.</summary>
    internal float[] Storage(int channel) => _data[channel];

    internal Span<float> Writable(int channel, int offset, int count) => _data[channel].AsSpan(PreRollFrames + offset, count);

    /// <summary>Returns the buffers to the pool (if the chunk rented them). The chunk must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_disposed || !_fromSharedPool)
        {
            return;
        }

        _disposed = true;
        foreach (var array in _data)
        {
            ArrayPool<float>.Shared.Return(array);
        }
    }

    /// <summary>
    /// Starts this chunk after the previous one, whose last <see cref="PreRollFrames"/> frames (pre-roll included)
    /// <paramref name="tail"/> holds (<see cref="SaveTail"/>); null for the first chunk, whose pre-roll is zeros.
    /// </summary>
    internal void Follow(float[][]? tail, int index, long startFrame)
    {
        Index = index;
        StartFrame = startFrame;
        Frames = 0;
        for (var c = 0; c < _data.Length; c++)
        {
            var preRoll = _data[c].AsSpan(0, PreRollFrames);
            if (tail is null)
            {
                preRoll.Clear();
            }
            else
            {
                tail[c].AsSpan(0, PreRollFrames).CopyTo(preRoll);
            }
        }
    }

    /// <summary>Copies this chunk's last <see cref="PreRollFrames"/> frames (pre-roll included) into <paramref name="tail"/>: the next chunk's pre-roll.</summary>
    internal void SaveTail(float[][] tail)
    {
        for (var c = 0; c < _data.Length; c++)
        {
            WithPreRoll(c)[^PreRollFrames..].CopyTo(tail[c]);
        }
    }
}
