namespace MixFleet.Audio.Tests.Support;

/// <summary>A stream whose reads fail with an I/O error after <c>goodBytes</c> bytes, like a dropped connection.</summary>
internal sealed class FailingStream(byte[] data, int goodBytes) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= goodBytes)
        {
            throw new IOException("connection reset by peer");
        }

        var n = Math.Min(buffer.Length, Math.Min(goodBytes, data.Length) - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
