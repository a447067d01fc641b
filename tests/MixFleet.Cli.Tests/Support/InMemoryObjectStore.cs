using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MixFleet.Storage;

namespace MixFleet.Cli.Tests.Support;

/// <summary>An IObjectStore in a dictionary, for the ingestion service run in-process.</summary>
internal sealed class InMemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), byte[]> _objects = new();

    public void Put(string bucket, string key, string content = "x") => _objects[(bucket, key)] = Encoding.UTF8.GetBytes(content);

    public bool Contains(string bucket, string key) => _objects.ContainsKey((bucket, key));

    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_objects.TryGetValue((bucket, key), out var bytes) ? Info(bucket, key, bytes) : null);

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        _objects.TryGetValue((bucket, key), out var bytes)
            ? Task.FromResult<Stream>(new MemoryStream(bytes, writable: false))
            : throw new ObjectNotFoundException(bucket, key);

    public async Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        _objects[(bucket, key)] = copy.ToArray();
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var ((b, key), bytes) in _objects.OrderBy(o => o.Key.Key, StringComparer.Ordinal))
        {
            if (b == bucket && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                await Task.Yield();
                yield return Info(b, key, bytes);
            }
        }
    }

    private static ObjectInfo Info(string bucket, string key, byte[] bytes) =>
        new(bucket, key, bytes.Length, bytes.Length.ToString("x8", CultureInfo.InvariantCulture), null);
}
