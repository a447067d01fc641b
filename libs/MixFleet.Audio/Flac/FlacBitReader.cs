using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace MixFleet.Audio.Flac;

/// <summary>
/// Reads a FLAC stream MSB-first (RFC 9639 §5: all numbers big-endian, bits most significant first) from a
/// <see cref="Stream"/> as its bytes arrive. Bits are served from a 64-bit cache refilled eight bytes at a time from
/// one byte buffer. The buffer keeps the bytes of the frame being decoded (for its CRCs) and drops everything before
/// it at the next frame, so memory is bounded by the largest frame (capped by <see cref="MaxBufferBytes"/>).
/// </summary>
/// <remarks>
/// Cache invariant: the top <see cref="_bits"/> bits of <see cref="_cache"/> are the next bits of the stream; the bits
/// below them are zero or the stream's following bits (the branch-free refill ORs them in again, harmlessly).
/// Reading past the end of the stream yields zero bits and counts the overrun; a frame that overran is truncated.
/// </remarks>
internal sealed partial class FlacBitReader
{
    /// <summary>Upper bound of the byte buffer: far above any real frame (the largest verbatim frame is ~2.1 MiB).</summary>
    public const int MaxBufferBytes = 1 << 25;

    private const int Padding = 8;
    private const int MaxOverrunBytes = 64;

    private readonly Stream _stream;
    private readonly string _name;
    private byte[] _buffer;
    private int _end;
    private int _pos;
    private ulong _cache;
    private int _bits;
    private int _frameStart;
    private long _bufferOrigin;
    private int _overrun;
    private bool _endOfStream;

    public FlacBitReader(Stream stream, string name, int initialBytes = 1 << 16)
    {
        _stream = stream;
        _name = name;
        _buffer = new byte[initialBytes + Padding];
    }

    /// <summary>
    /// True once bits past the end of the stream were consumed (read as zeros). Padding is only ever appended at the
    /// bottom of the cache, so fewer cached bits than padded ones means some padding was consumed.
    /// </summary>
    public bool Overran => _bits < _overrun * 8;

    /// <summary>Bytes of the stream consumed so far (whole bytes; meaningful at byte boundaries).</summary>
    public long BytePosition => _bufferOrigin + Consumed;

    /// <summary>Bytes currently held (the buffer's capacity), for tests of the memory bound.</summary>
    public int BufferCapacity => _buffer.Length - Padding;

    /// <summary>Reads <paramref name="count"/> (0–32) bits as an unsigned number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadBits(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        if (_bits < count)
        {
            Refill();
        }

        var value = (uint)(_cache >> (64 - count));
        _cache <<= count;
        _bits -= count;
        return value;
    }

    /// <summary>Reads <paramref name="count"/> (0–32) bits as a two's complement signed number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadSigned(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        if (_bits < count)
        {
            Refill();
        }

        var value = (int)((long)_cache >> (64 - count));
        _cache <<= count;
        _bits -= count;
        return value;
    }

    /// <summary>Reads <paramref name="count"/> (0–33) bits as a two's complement signed number, for 33-bit side channels.</summary>
    public long ReadSignedLong(int count)
    {
        if (count <= 32)
        {
            return ReadSigned(count);
        }

        long high = ReadSigned(count - 16);
        return (high << 16) | ReadBits(16);
    }

    /// <summary>Reads one bit.</summary>
    public bool ReadBit() => ReadBits(1) != 0;

    /// <summary>Counts zero bits up to and including the next one bit (unary code), returning the zeros.</summary>
    public int ReadUnary(int limit)
    {
        var zeros = 0;
        while (true)
        {
            if (_bits == 0)
            {
                Refill();
            }

            var lz = System.Numerics.BitOperations.LeadingZeroCount(_cache);
            if (lz < _bits)
            {
                zeros += lz;
                _cache <<= lz;
                _cache <<= 1;
                _bits -= lz + 1;
                return zeros;
            }

            zeros += _bits;
            _cache = 0;
            _bits = 0;
            if (zeros > limit)
            {
                return zeros;
            }
        }
    }

    /// <summary>Skips to the next byte boundary.</summary>
    public void AlignToByte()
    {
        var drop = _bits & 7;
        _cache <<= drop;
        _bits -= drop;
    }

    /// <summary>
    /// Marks the start of a frame (byte-aligned): bytes before it are no longer needed. Returns false when the stream
    /// has no byte left.
    /// </summary>
    public bool BeginFrame()
    {
        AlignToByte();
        _frameStart = Consumed;
        return _frameStart < _end || Fetch();
    }

    /// <summary>
    /// The bytes from the start of the frame to the current (byte-aligned) position. Throws
    /// <see cref="AudioErrorCode.Truncated"/> when the frame already ran past the end of the stream.
    /// </summary>
    public ReadOnlySpan<byte> FrameBytes => Overran
        ? throw AudioError.Create(AudioErrorCode.Truncated, _name, $"the stream ends inside the frame at offset {FrameOffset:N0}")
        : _buffer.AsSpan(_frameStart, Consumed - _frameStart);

    // Buffer index of the next unread byte; zero bytes supplied past the end count as read.
    private int Consumed => _pos + _overrun - (_bits >> 3);

    /// <summary>Stream offset of the current frame's first byte.</summary>
    public long FrameOffset => _bufferOrigin + _frameStart;

    /// <summary>Reads exactly <paramref name="destination"/>.Length bytes at a byte boundary; false when the stream ends first.</summary>
    public bool ReadBytes(Span<byte> destination)
    {
        AlignToByte();
        while (_bits > 0 && !destination.IsEmpty)
        {
            destination[0] = (byte)ReadBits(8);
            destination = destination[1..];
        }

        while (!destination.IsEmpty)
        {
            if (_pos >= _end)
            {
                _frameStart = _pos;
                if (!Fetch())
                {
                    return false;
                }
            }

            var n = Math.Min(destination.Length, _end - _pos);
            _buffer.AsSpan(_pos, n).CopyTo(destination);
            _pos += n;
            destination = destination[n..];
        }

        return true;
    }

    /// <summary>Skips <paramref name="count"/> bytes at a byte boundary, reading and discarding; false when the stream ends first.</summary>
    public bool SkipBytes(long count)
    {
        AlignToByte();
        while (_bits > 0 && count > 0)
        {
            ReadBits(8);
            count--;
        }

        while (count > 0)
        {
            if (_pos >= _end)
            {
                _frameStart = _pos;
                if (!Fetch())
                {
                    return false;
                }
            }

            var n = (int)Math.Min(count, _end - _pos);
            _pos += n;
            count -= n;
        }

        return true;
    }

    /// <summary>Fills the cache to at least 56 bits (fewer only at the end of the stream, where zeros are supplied).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Refill()
    {
        if (_pos + 8 <= _end)
        {
            // Branch-free refill: load 8 bytes, keep what fits, advance by whole bytes.
            _cache |= BinaryPrimitives.ReadUInt64BigEndian(_buffer.AsSpan(_pos)) >> _bits;
            _pos += (63 - _bits) >> 3;
            _bits |= 56;
        }
        else
        {
            RefillSlow();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefillSlow()
    {
        while (_bits <= 48)
        {
            if (_pos >= _end && !Fetch())
            {
                // Past the end: supply a zero byte and remember the overrun.
                if (++_overrun > MaxOverrunBytes)
                {
                    throw AudioError.Create(AudioErrorCode.Truncated, _name, $"the stream ends inside the frame at offset {FrameOffset:N0}");
                }

                _bits += 8;
                continue;
            }

            _cache |= (ulong)_buffer[_pos++] << (56 - _bits);
            _bits += 8;
        }
    }

    /// <summary>Reads more bytes from the stream into the buffer, keeping the current frame. False at the end of the stream.</summary>
    private bool Fetch()
    {
        if (_endOfStream)
        {
            return false;
        }

        var capacity = _buffer.Length - Padding;
        if (_frameStart > 0 && capacity - _end < capacity / 4)
        {
            // Drop what precedes the current frame.
            _buffer.AsSpan(_frameStart, _end - _frameStart).CopyTo(_buffer);
            _bufferOrigin += _frameStart;
            _pos -= _frameStart;
            _end -= _frameStart;
            _frameStart = 0;
        }

        if (_end == capacity)
        {
            // One frame fills the buffer: grow it, up to the bound.
            if (capacity >= MaxBufferBytes)
            {
                throw AudioError.Create(
                    AudioErrorCode.CorruptFrame,
                    _name,
                    $"the frame at offset {FrameOffset:N0} is longer than {MaxBufferBytes:N0} bytes");
            }

            Array.Resize(ref _buffer, Math.Min(capacity * 2, MaxBufferBytes) + Padding);
            capacity = _buffer.Length - Padding;
        }

        int read;
        try
        {
            read = _stream.Read(_buffer, _end, capacity - _end);
        }
        catch (IOException ex)
        {
            throw AudioError.Create(AudioErrorCode.IoError, _name, $"the stream could not be read ({ex.Message})", ex);
        }

        if (read <= 0)
        {
            _endOfStream = true;
            return false;
        }

        _end += read;
        return true;
    }
}
