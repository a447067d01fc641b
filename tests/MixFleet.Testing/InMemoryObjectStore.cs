using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MixFleet.Storage;

namespace MixFleet.Testing;

/// <summary>
/// A test-only object store: buckets in a dictionary, ETag = a hash of the content (S3 uses MD5 for single-part puts),
/// read streams that cannot seek (like an S3 response body), read counters, and a switch that makes every call fail.
/// </summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), byte[]> _objects = new();
    private int _opens;

    /// <summary>How many times an object was opened for reading, per key.</summary>
    public ConcurrentDictionary<string, int> Reads { get; } = new();

    /// <summary>How many objects were opened for reading in all.</summary>
    public int Opens => _opens;

    /// <summary>When set, every call fails with an <see cref="IOException"/> (an unreachable store).</summary>
    public bool Broken { get; set; }

    public void Put(string bucket, string key, byte[] content) => _objects[(bucket, key)] = content;

    public void Put(string bucket, string key, string content = "x") => Put(bucket, key, Encoding.UTF8.GetBytes(content));

    public byte[]? Get(string bucket, string key) => _objects.TryGetValue((bucket, key), out var content) ? content : null;

    public string? Text(string bucket, string key) => Get(bucket, key) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    public bool Contains(string bucket, string key) => _objects.ContainsKey((bucket, key));

    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        return Task.FromResult(_objects.TryGetValue((bucket, key), out var content) ? Info(bucket, key, content) : null);
    }

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        if (!_objects.TryGetValue((bucket, key), out var content))
        {
            throw new ObjectNotFoundException(bucket, key);
        }

        Interlocked.Increment(ref _opens);
        Reads.AddOrUpdate(key, 1, (_, n) => n + 1);
        return Task.FromResult<Stream>(new ForwardOnlyStream(new MemoryStream(content, writable: false)));
    }

    public async Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        _objects[(bucket, key)] = copy.ToArray();
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        foreach (var ((b, k), content) in _objects.OrderBy(o => o.Key.Key, StringComparer.Ordinal))
        {
            if (b == bucket && k.StartsWith(prefix, StringComparison.Ordinal))
            {
                await Task.Yield();
                yield return Info(b, k, content);
            }
        }
    }

    /// <summary>Pages by key like the default, and, like S3, refuses a bucket that holds nothing (the test's "missing bucket").</summary>
    public async Task<ObjectPage> ListPageAsync(string bucket, string prefix, string? continuationToken, int maxKeys, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        if (!_objects.Keys.Any(k => k.Bucket == bucket))
        {
            throw new BucketNotFoundException(bucket);
        }

        var keys = _objects.Where(o => o.Key.Bucket == bucket && o.Key.Key.StartsWith(prefix, StringComparison.Ordinal)
                && (continuationToken is null || string.CompareOrdinal(o.Key.Key, continuationToken) > 0))
            .OrderBy(o => o.Key.Key, StringComparer.Ordinal).Take(maxKeys + 1).ToList();
        await Task.Yield();
        var page = keys.Take(maxKeys).Select(o => Info(o.Key.Bucket, o.Key.Key, o.Value)).ToList();
        return new ObjectPage(page, keys.Count > maxKeys ? page[^1].Key : null);
    }

    private static ObjectInfo Info(string bucket, string key, byte[] content) =>
        new(bucket, key, content.Length, Convert.ToHexStringLower(SHA256.HashData(content))[..32], null);

    private void ThrowIfBroken()
    {
        if (Broken)
        {
            throw new IOException("store unreachable");
        }
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
