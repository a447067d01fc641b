using System.Threading.Channels;
using MixFleet.Audio;

namespace MixFleet.Analysis.Engine;

/// <summary>
/// Decodes a track into chunks laid out by <see cref="ChunkLayout"/>, each carrying the previous chunk's tail as
/// pre-roll. The tail is copied aside as each chunk is decoded, so a chunk's buffer is free for the next chunk as soon
/// as it is measured (<see cref="Return"/>): a track progresses with a single chunk.
/// </summary>
/// <remarks>
/// The first chunk and the tail come from the track's admission (<see cref="TrackMemory.Admission"/>); further chunks,
/// up to <c>maxChunks</c> and to the track's share of (cores + admitted tracks) chunks, each from their own
/// reservation, taken only when the <see cref="MemoryBudget"/> has room,
/// and given back as soon as they are measured while another track waits to be admitted. Memory is therefore bounded
/// by the chunks in flight, never by the track's length, and the decoder only ever waits for its own track's chunks.
/// </remarks>
internal sealed class ChunkProducer : IDisposable
{
    private readonly IAudioReader _reader;
    private readonly ChunkLayout _layout;
    private readonly MemoryBudget _memory;
    private readonly MemoryReservation _admission;
    private readonly int _maxChunks;
    private readonly int _cores;
    private readonly long _chunkBytes;
    private readonly float[][] _tail;
    private readonly AudioBuffer _block;
    private readonly Channel<AudioChunk> _free = Channel.CreateUnbounded<AudioChunk>();
    private readonly HashSet<MemoryReservation> _extras = [];
    private int _blockOffset;
    private int _index;
    private int _chunks;
    private bool _ended;

    /// <param name="reader">The track.</param>
    /// <param name="layout">Where chunks start.</param>
    /// <param name="blockFrames">Frames decoded per read.</param>
    /// <param name="memory">The process's budget, for chunks beyond the first.</param>
    /// <param name="admission">The track's admission: at least <see cref="TrackMemory.Admission"/> bytes.</param>
    /// <param name="maxChunks">Most chunks of this track at once (decoded ahead or being measured).</param>
    /// <param name="cores">The process's cores: all tracks admitted together need no more than cores + one chunk each.</param>
    public ChunkProducer(IAudioReader reader, ChunkLayout layout, int blockFrames, MemoryBudget memory, MemoryReservation admission, int maxChunks, int cores)
    {
        _cores = cores;
        _reader = reader;
        _layout = layout;
        _memory = memory;
        _admission = admission;
        _maxChunks = Math.Max(1, maxChunks);
        _chunkBytes = TrackMemory.ChunkBytes(reader.Info, layout);
        var channels = reader.Info.Channels;
        _block = new AudioBuffer(channels, blockFrames);
        _tail = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            _tail[c] = admission.Rent(layout.PreRollFrames);
        }
    }

    /// <summary>Frames decoded so far.</summary>
    public long DecodedFrames { get; private set; }

    /// <summary>Most chunks this track held at once (tests).</summary>
    public int PeakChunks { get; private set; }

    /// <summary>
    /// A free chunk buffer: one given back, a new one while the budget has room and the track is under its maximum,
    /// else the next one this track's workers give back.
    /// </summary>
    public async ValueTask<AudioChunk> RentAsync(CancellationToken cancellationToken)
    {
        if (_free.Reader.TryRead(out var chunk))
        {
            return chunk;
        }

        lock (_extras)
        {
            if (_chunks == 0)
            {
                return Create(_admission);
            }

            if (_chunks < Math.Min(_maxChunks, FairShare()) && _memory.TryReserve(_chunkBytes, out var extra))
            {
                _extras.Add(extra!);
                return Create(extra!);
            }
        }

        return await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Decodes the next chunk into <paramref name="chunk"/> (from <see cref="RentAsync"/>); false at the end of the
    /// track, when the chunk stays empty (give it back with <see cref="Return"/>).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled mid-decode.</exception>
    public bool Fill(AudioChunk chunk, CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }

        chunk.Follow(_index == 0 ? null : _tail, _index, _layout.StartFrame(_index));
        var wanted = _layout.Frames(_index);
        while (chunk.Frames < wanted)
        {
            if (_blockOffset >= _block.Frames)
            {
                _blockOffset = 0;
                if (_reader.Read(_block, cancellationToken) == 0)
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
            return false;
        }

        chunk.SaveTail(_tail);
        _index++;
        return true;
    }

    /// <summary>
    /// Gives a chunk back once it is measured (or was never filled): to this track for the next chunk, or, for a chunk
    /// beyond the first while another track waits to be admitted, to the budget. Thread-safe.
    /// </summary>
    public void Return(AudioChunk chunk)
    {
        if (chunk.Reservation is { } extra && extra != _admission && _memory.HasWaiters)
        {
            lock (_extras)
            {
                if (_extras.Remove(extra))
                {
                    _chunks--;
                    extra.Dispose();
                    return;
                }
            }
        }

        _free.Writer.TryWrite(chunk);
    }

    /// <summary>Gives every chunk beyond the first back to the budget; call once no chunk is in use any more.</summary>
    public void Dispose()
    {
        lock (_extras)
        {
            foreach (var extra in _extras)
            {
                extra.Dispose();
            }

            _extras.Clear();
            _chunks = 0;
        }
    }

    // Every core measuring a chunk and every admitted track decoding one ahead: more chunks than that would only wait.
    private int FairShare()
    {
        var tracks = Math.Max(1, _memory.Admitted);
        return (_cores + tracks + tracks - 1) / tracks;
    }

    private AudioChunk Create(MemoryReservation reservation)
    {
        var data = new float[_reader.Info.Channels][];
        for (var c = 0; c < data.Length; c++)
        {
            data[c] = reservation.Rent(_layout.PreRollFrames + _layout.MaxChunkFrames);
        }

        _chunks++;
        PeakChunks = Math.Max(PeakChunks, _chunks);
        return new AudioChunk(data, _layout.PreRollFrames, _layout.MaxChunkFrames) { Reservation = reservation };
    }
}
