namespace MixFleet.Audio.Tests.Support;

/// <summary>
/// A read-only stream over bytes that returns at most <c>maxPerRead</c> (1–3 by default) bytes per call and can
/// pretend not to be seekable, like a network body.
/// </summary>
internal sealed class TrickleStream(byte[] data, bool seekable, int maxPerRead = 3) : Stream
{
    private readonly Random _random = new(1234);
    private long _position;

    public long TotalRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? data.Length : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? _position : throw new NotSupportedException();
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var chunk = maxPerRead == int.MaxValue ? buffer.Length : _random.Next(1, maxPerRead + 1);
        var n = (int)Math.Min(Math.Min(buffer.Length, chunk), data.Length - _position);
        if (n <= 0)
        {
            return 0;
        }

        data.AsSpan((int)_position, n).CopyTo(buffer);
        _position += n;
        TotalRead += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!seekable)
        {
            throw new NotSupportedException();
        }

        _position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => data.Length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
