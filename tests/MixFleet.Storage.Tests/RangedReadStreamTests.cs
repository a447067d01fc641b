using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using MixFleet.Storage.S3;
using Polly;

namespace MixFleet.Storage.Tests;

public sealed class RangedReadStreamTests
{
    private static readonly ResiliencePipeline Retry = S3Retry.Create(3, TimeSpan.Zero, NullLogger.Instance);

    private static byte[] Data(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }

    [Theory]
    [InlineData(0, 16, 1)]
    [InlineData(100, 16, 7)]
    [InlineData(96, 16, 16)]
    [InlineData(1000, 64, 100)]
    [InlineData(10, 64, 1000)]
    public async Task ReadsAcrossBlockBoundaries_IncludingAPartialFinalBlock(int length, int blockSize, int readSize)
    {
        var data = Data(length);
        var ranges = new List<(long Offset, long Count)>();
        await using var stream = new RangedReadStream(data.Length, blockSize, (o, c, _) =>
        {
            ranges.Add((o, c));
            return Task.FromResult<Stream>(new MemoryStream(data, (int)o, (int)c));
        }, Retry);

        var copy = new MemoryStream();
        var buffer = new byte[readSize];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, n);
        }

        Assert.Equal(data, copy.ToArray());
        Assert.Equal((length + blockSize - 1) / blockSize, ranges.Count);
        Assert.All(ranges, r => Assert.Equal(Math.Min(blockSize, length - r.Offset), r.Count));
    }

    [Fact]
    public void SynchronousReads_AndSeeks_ReturnTheRightBytes()
    {
        var data = Data(1000);
        using var stream = new RangedReadStream(data.Length, 64, (o, c, _) => Task.FromResult<Stream>(new MemoryStream(data, (int)o, (int)c)), Retry);
        stream.Seek(990, SeekOrigin.Begin);
        var tail = new byte[20];
        Assert.Equal(10, stream.Read(tail));
        Assert.Equal(data[990..], tail[..10]);
        Assert.Equal(0, stream.Read(tail));

        stream.Position = 5;
        var head = new byte[3];
        stream.ReadExactly(head);
        Assert.Equal(data[5..8], head);
    }

    [Fact]
    public async Task ABrokenBody_IsResumedFromTheCurrentOffset()
    {
        var data = Data(200);
        var ranges = new List<(long Offset, long Count)>();
        await using var stream = new RangedReadStream(data.Length, 128, (o, c, _) =>
        {
            ranges.Add((o, c));
            // The first attempt delivers 50 bytes, then the connection drops.
            Stream body = ranges.Count == 1 ? new FailingStream(data.AsMemory((int)o, 50).ToArray()) : new MemoryStream(data, (int)o, (int)c);
            return Task.FromResult(body);
        }, Retry);

        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(data, copy.ToArray());
        Assert.Equal([(0L, 128L), (50L, 78L), (128L, 72L)], ranges);
    }

    [Fact]
    public async Task NotFound_IsNotRetried()
    {
        var calls = 0;
        await using var stream = new RangedReadStream(10, 4, (_, _, _) =>
        {
            calls++;
            throw new AmazonS3Exception("gone") { StatusCode = System.Net.HttpStatusCode.NotFound };
        }, Retry);

        await Assert.ThrowsAsync<AmazonS3Exception>(() => stream.ReadAsync(new byte[4]).AsTask());
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedUpToTheLimit()
    {
        var calls = 0;
        await using var stream = new RangedReadStream(10, 4, (_, _, _) =>
        {
            calls++;
            throw new AmazonS3Exception("slow down") { StatusCode = System.Net.HttpStatusCode.ServiceUnavailable, ErrorCode = "SlowDown" };
        }, Retry);

        await Assert.ThrowsAsync<AmazonS3Exception>(() => stream.ReadAsync(new byte[4]).AsTask());
        Assert.Equal(4, calls);
    }

    [Fact]
    public void RetryPolicy_ClassifiesFailures()
    {
        static AmazonS3Exception S3(int status, string? code = null) => new("x") { StatusCode = (System.Net.HttpStatusCode)status, ErrorCode = code };
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(S3Retry.IsTransient(S3(500), default));
        Assert.True(S3Retry.IsTransient(S3(503, "SlowDown"), default));
        Assert.True(S3Retry.IsTransient(S3(429), default));
        Assert.True(S3Retry.IsTransient(S3(400, "RequestTimeout"), default));
        Assert.True(S3Retry.IsTransient(new IOException(), default));
        Assert.True(S3Retry.IsTransient(new HttpRequestException(), default));
        Assert.True(S3Retry.IsTransient(new TaskCanceledException("timeout", new TimeoutException()), default));
        Assert.False(S3Retry.IsTransient(new OperationCanceledException(), cancelled.Token));
        Assert.False(S3Retry.IsTransient(S3(404, "NoSuchKey"), default));
        Assert.False(S3Retry.IsTransient(S3(403, "AccessDenied"), default));
        Assert.False(S3Retry.IsTransient(S3(400, "InvalidArgument"), default));
        Assert.False(S3Retry.IsTransient(new ArgumentException(), default));
        Assert.False(S3Retry.IsTransient(new InvalidDataException("object changed while read"), default));
    }

    private sealed class FailingStream(byte[] prefix) : MemoryStream(prefix)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new IOException("connection reset");
    }

    [Fact]
    public async Task AnAttemptThatStalls_IsAbandonedAfterTheBlockTimeout_AndRetriedFromWhereItStopped()
    {
        var data = Data(100);
        var attempts = new List<(long Offset, long Count)>();
        // The first attempt delivers 10 bytes, then nothing more (a stalled connection); the retry asks for the rest.
        await using var stream = new RangedReadStream(data.Length, 64, (o, c, _) =>
        {
            attempts.Add((o, c));
            return Task.FromResult<Stream>(attempts.Count == 1 ? new StallingStream(data.AsMemory((int)o, 10)) : new MemoryStream(data, (int)o, (int)c));
        }, Retry, blockTimeout: TimeSpan.FromMilliseconds(200));

        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(data, copy.ToArray());
        Assert.Equal([(0L, 64L), (10L, 54L), (64L, 36L)], attempts);
    }

    [Fact]
    public void ASynchronousRead_OfAStalledStream_StopsWithTheLifetimeToken()
    {
        using var lifetime = new CancellationTokenSource();
        using var stream = new RangedReadStream(100, 64, (o, c, _) => Task.FromResult<Stream>(new StallingStream(ReadOnlyMemory<byte>.Empty)), Retry, lifetime: lifetime.Token);
        lifetime.CancelAfter(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() => stream.Read(new byte[10]));
    }

    /// <summary>Returns <c>prefix</c>, then waits for more forever (until its token is cancelled).</summary>
    private sealed class StallingStream(ReadOnlyMemory<byte> prefix) : Stream
    {
        private ReadOnlyMemory<byte> _rest = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_rest.Length > 0)
            {
                var n = Math.Min(buffer.Length, _rest.Length);
                _rest[..n].CopyTo(buffer);
                _rest = _rest[n..];
                return n;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
