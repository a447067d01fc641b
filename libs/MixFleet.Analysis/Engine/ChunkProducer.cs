using System.Collections.Concurrent;
using MixFleet.Audio;

namespace MixFleet.Analysis.Engine;

/// <summary>
/// Decodes a track into chunks laid out by <see cref="ChunkLayout"/>, each carrying the previous chunk's tail as
/// pre-roll. Chunk buffers are recycled through <see cref="Return"/>, so memory is bounded by the chunks in flight,
/// never by the track's length, and come from the shared array pool, so a worker analyzing thousands of short tracks
/// does not allocate new large buffers for each.
/// </summary>
internal sealed class ChunkProducer(IAudioReader reader, ChunkLayout layout, int blockFrames) : IDisposable
{
    private readonly ConcurrentBag<AudioChunk> _free = [];
    private readonly List<AudioChunk> _created = [];
    private readonly AudioBuffer _block = new(reader.Info.Channels, blockFrames);
    private int _blockOffset;
    private AudioChunk? _previous;
    private int _index;
    private bool _ended;

    /// <summary>Frames decoded so far.</summary>
    public long DecodedFrames { get; private set; }

    /// <summary>Decodes the next chunk, or returns null at the end of the track.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled mid-decode.</exception>
    public AudioChunk? Next(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return null;
        }

        var chunk = Rent();
        chunk.Follow(_previous, _index, layout.StartFrame(_index));
        var wanted = layout.Frames(_index);
        while (chunk.Frames < wanted)
        {
            if (_blockOffset >= _block.Frames)
            {
                _blockOffset = 0;
                if (reader.Read(_block, cancellationToken) == 0)
                {
                    _ended = true;
                    break;
                }

                DecodedFrames += _block.Frames;
            }

            var count = Math.Min(wanted - chunk.Frames, _block.Frames - _blockOffset);
            for (var c = 0; c < chunk.Channels; c++)
            {
                _block.Channel(c).Slice(_blockOffset, count).CopyTo(chunk.Writable(c, chunk.Frames, count));
            }

            chunk.Frames += count;
            _blockOffset += count;
        }

        if (chunk.Frames == 0)
        {
            Return(chunk);
            return null;
        }

        _previous = chunk;
        _index++;
        return chunk;
    }

    /// <summary>
    /// Gives a chunk back for reuse once it is measured. The most recent chunk is still needed for the next one's
    /// pre-roll, so buffers are only reused two chunks later.
    /// </summary>
    public void Return(AudioChunk chunk) => _free.Add(chunk);

    private AudioChunk Rent()
    {
        // Never reuse the chunk the next one copies its pre-roll from.
        if (_free.TryTake(out var chunk))
        {
            if (!ReferenceEquals(chunk, _previous))
            {
                return chunk;
            }

            _free.Add(chunk);
        }

        var created = new AudioChunk(reader.Info.Channels, layout.PreRollFrames, layout.MaxChunkFrames);
        _created.Add(created);
        return created;
    }

    /// <summary>Returns every chunk buffer to the pool; call once no chunk is in use any more.</summary>
    public void Dispose()
    {
        foreach (var chunk in _created)
        {
            chunk.Dispose();
        }

        _created.Clear();
    }
}
