using System.Buffers;
using Polly;

namespace MixFleet.Storage;

/// <summary>
/// A read-only, seekable stream over an object of known length that fetches it block by block with ranged requests as
/// the consumer reads, so decoding starts with the first block. Each block's request runs through the retry pipeline
/// and a retry resumes from the byte where the previous attempt stopped. An attempt that does not deliver its range
/// within the block timeout is abandoned as a <see cref="TimeoutException"/> (retried like any transient fault), and
/// every read, synchronous ones included, honours the lifetime token the stream was opened with: a stalled read never
/// hangs a decoder.
/// </summary>
internal sealed class RangedReadStream : Stream
{
    /// <summary>Opens the body of the range [offset, offset + count) of the object.</summary>
    public delegate Task<Stream> RangeOpener(long offset, long count, CancellationToken cancellationToken);

    private readonly RangeOpener _openRange;
    private readonly ResiliencePipeline _pipeline;
    private readonly long _length;
    private readonly int _blockSize;
    private readonly TimeSpan _blockTimeout;
    private readonly CancellationToken _lifetime;
    private byte[]? _block;
    private long _blockStart = -1;
    private int _blockCount;
    private long _position;
    private bool _disposed;

    /// <param name="length">The object's length.</param>
    /// <param name="blockSize">Bytes per ranged request.</param>
    /// <param name="openRange">Opens the body of a range.</param>
    /// <param name="pipeline">Retries transient faults.</param>
    /// <param name="blockTimeout">The longest one attempt at a block may take (<see cref="Timeout.InfiniteTimeSpan"/>: no limit).</param>
    /// <param name="lifetime">Cancels every read, e.g. the token of the work the stream was opened for.</param>
    public RangedReadStream(long length, int blockSize, RangeOpener openRange, ResiliencePipeline pipeline, TimeSpan? blockTimeout = null, CancellationToken lifetime = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _length = length;
        _blockSize = blockSize;
        _openRange = openRange;
        _pipeline = pipeline;
        _blockTimeout = blockTimeout ?? Timeout.InfiniteTimeSpan;
        _lifetime = lifetime;
    }

    /// <summary>Ranged requests made so far (tests).</summary>
    public int RangeRequests { get; private set; }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => CanRead;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Synchronous decoders read through here: block on the fetch of the next block only, never per byte.
        if (!EnsureBlockAsync(_lifetime).AsTask().GetAwaiter().GetResult())
        {
            return 0;
        }

        return CopyFromBlock(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var both = cancellationToken.CanBeCanceled && _lifetime.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime)
            : null;
        var token = both?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _lifetime);
        if (!await EnsureBlockAsync(token).ConfigureAwait(false))
        {
            return 0;
        }

        return CopyFromBlock(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_block is { } block)
        {
            _block = null;
            ArrayPool<byte>.Shared.Return(block);
        }

        _disposed = true;
        base.Dispose(disposing);
    }

    private int CopyFromBlock(Span<byte> destination)
    {
        var inBlock = (int)(_position - _blockStart);
        var n = Math.Min(destination.Length, _blockCount - inBlock);
        _block.AsSpan(inBlock, n).CopyTo(destination);
        _position += n;
        return n;
    }

    /// <summary>Makes the block holding <see cref="_position"/> current; false at the end of the object.</summary>
    private async ValueTask<bool> EnsureBlockAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_position >= _length)
        {
            return false;
        }

        if (_blockStart >= 0 && _position >= _blockStart && _position < _blockStart + _blockCount)
        {
            return true;
        }

        _block ??= ArrayPool<byte>.Shared.Rent(_blockSize);
        var start = _position;
        var count = (int)Math.Min(_blockSize, _length - start);
        _blockStart = -1;
        var filled = 0;
        await _pipeline.ExecuteAsync(
            async token =>
            {
                // Resume where the previous attempt stopped: only the missing tail of the block is requested again.
                RangeRequests++;
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                attempt.CancelAfter(_blockTimeout);
                try
                {
                    var body = await _openRange(start + filled, count - filled, attempt.Token).ConfigureAwait(false);
                    await using (body.ConfigureAwait(false))
                    {
                        while (filled < count)
                        {
                            var n = await body.ReadAsync(_block.AsMemory(filled, count - filled), attempt.Token).ConfigureAwait(false);
                            if (n == 0)
                            {
                                throw new IOException($"The range ended after {filled} of {count} bytes at offset {start}.");
                            }

                            filled += n;
                        }
                    }
                }
                catch (OperationCanceledException ex) when (!token.IsCancellationRequested)
                {
                    throw new TimeoutException($"The range at offset {start + filled} delivered nothing more within {_blockTimeout.TotalSeconds:0.###} s.", ex);
                }
            },
            cancellationToken).ConfigureAwait(false);
        _blockStart = start;
        _blockCount = count;
        return true;
    }
}
