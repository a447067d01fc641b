namespace MixFleet.Audio.Pcm;

/// <summary>
/// The stream a header parser walks: positions are relative to where the reader started, the length is known
/// only for seekable streams, and skipping is a seek or a bounded read-and-discard.
/// </summary>
internal sealed class HeaderSource
{
    private readonly Stream _stream;
    private readonly long _origin;
    private byte[]? _scratch;

    public HeaderSource(Stream stream, string name, long position)
    {
        _stream = stream;
        Name = name;
        Position = position;
        if (stream.CanSeek)
        {
            _origin = stream.Position - position;
            Length = stream.Length - _origin;
        }
    }

    public string Name { get; }

    public bool CanSeek => _stream.CanSeek;

    /// <summary>Bytes from the start of the file.</summary>
    public long Position { get; private set; }

    /// <summary>File length, when the stream can tell.</summary>
    public long? Length { get; }

    /// <summary>Bytes left to the end of the file, when known.</summary>
    public long? Remaining => Length - Position;

    /// <summary>Reads as many bytes as <paramref name="buffer"/> holds unless the stream ends first; returns the count.</summary>
    public int ReadFully(Span<byte> buffer)
    {
        var n = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        Position += n;
        return n;
    }

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes or throws <see cref="AudioErrorCode.Truncated"/>.</summary>
    public void ReadExactly(Span<byte> buffer, string what)
    {
        var start = Position;
        var n = ReadFully(buffer);
        if (n < buffer.Length)
        {
            throw AudioError.Create(
                AudioErrorCode.Truncated,
                Name,
                $"the file ends inside the {what}: {buffer.Length:N0} bytes needed at offset {start:N0}, only {n:N0} present");
        }
    }

    /// <summary>
    /// Reads the first <c>min(size, max)</c> bytes of a chunk body (the allocation is bounded by <paramref name="max"/>,
    /// never by the header's word alone) and skips the rest of the body.
    /// </summary>
    public byte[] ReadChunkPrefix(long size, int max, string what)
    {
        var buffer = new byte[(int)Math.Min(size, max)];
        ReadExactly(buffer, what);
        if (!Skip(size - buffer.Length))
        {
            throw AudioError.Create(AudioErrorCode.Truncated, Name, $"the file ends inside the {what} at offset {Position:N0}");
        }

        return buffer;
    }

    /// <summary>Skips forward; returns false when the stream ended first (non-seekable streams only).</summary>
    public bool Skip(long count)
    {
        if (count <= 0)
        {
            return true;
        }

        if (_stream.CanSeek)
        {
            Position += count;
            _stream.Seek(_origin + Position, SeekOrigin.Begin);
            return true;
        }

        _scratch ??= new byte[16 * 1024];
        while (count > 0)
        {
            var n = _stream.Read(_scratch, 0, (int)Math.Min(count, _scratch.Length));
            if (n == 0)
            {
                return false;
            }

            Position += n;
            count -= n;
        }

        return true;
    }

    /// <summary>Moves to an absolute position of a seekable stream.</summary>
    public void SeekTo(long position)
    {
        Position = position;
        _stream.Seek(_origin + position, SeekOrigin.Begin);
    }
}
