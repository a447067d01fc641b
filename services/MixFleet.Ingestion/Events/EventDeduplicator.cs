using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MixFleet.Ingestion.Events;

/// <summary>
/// Remembers which object versions were published so a redelivered notification publishes nothing. Identity is
/// bucket + key + ETag (the sequencer stands in when a record has no ETag; a record with neither is never dropped).
/// Bounded (<see cref="IngestionOptions.DeduplicationCapacity"/>) and expiring
/// (<see cref="IngestionOptions.DeduplicationWindow"/>). Per instance and in memory: a duplicate that reaches another
/// replica, or arrives after a restart, is published again; the worker's skip-if-report-exists makes that cheap.
/// </summary>
internal sealed class EventDeduplicator : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _window;

    public EventDeduplicator(IOptions<IngestionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.DeduplicationCapacity });
        _window = options.Value.DeduplicationWindow;
    }

    /// <summary>The identity of one object version, or null when the record carries nothing to tell versions apart.</summary>
    public static string? IdentityOf(string bucket, string key, string? eTag, string? sequencer)
    {
        var version = !string.IsNullOrEmpty(eTag) ? "etag:" + eTag : !string.IsNullOrEmpty(sequencer) ? "seq:" + sequencer : null;
        return version is null ? null : string.Join('\n', bucket, key, version);
    }

    /// <summary>True when this identity was already published within the window.</summary>
    public bool WasPublished(string? identity) => identity is not null && _cache.TryGetValue(identity, out _);

    /// <summary>Records a successful publish (only after it succeeded, so a failed publish is retried on redelivery).</summary>
    public void MarkPublished(string? identity)
    {
        if (identity is not null)
        {
            _cache.Set(identity, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _window });
        }
    }

    public void Dispose() => _cache.Dispose();
}
