using MixFleet.Storage;

namespace MixFleet.Integration.Tests.Support.Crashes;

/// <summary>
/// The ingestion's object store with a crash point at a scan's listing: the first <paramref name="pagesBeforeCrash"/>
/// listing pages (calls with <c>maxKeys</c> = <paramref name="pageSize"/>) pass, every later one is held at
/// <paramref name="point"/>. The scan service's bucket check (one key) passes.
/// </summary>
internal sealed class ListingCrashStore(IObjectStore inner, int pageSize, int pagesBeforeCrash, CrashPoint point) : DelegatingObjectStore(inner)
{
    private int _pages;

    public override async Task<ObjectPage> ListPageAsync(string bucket, string prefix, string? continuationToken, int maxKeys, CancellationToken cancellationToken)
    {
        if (maxKeys == pageSize && Interlocked.Increment(ref _pages) > pagesBeforeCrash)
        {
            await point.HoldAsync(cancellationToken);
        }

        return await Inner.ListPageAsync(bucket, prefix, continuationToken, maxKeys, cancellationToken);
    }
}
