namespace MixFleet.Storage;

/// <summary>
/// The fleet's only view of storage: S3 and S3-compatible servers in production, a local folder embedded. Keys are
/// '/'-separated; a "folder" is a key prefix.
/// </summary>
public interface IObjectStore
{
    /// <summary>The object's metadata, or null when it does not exist.</summary>
    Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the object for reading as a stream that fetches as it is read (no full download first), so a decoder can
    /// start before the object has arrived. Throws <see cref="ObjectNotFoundException"/> when it does not exist.
    /// </summary>
    Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Writes (replaces) an object with the stream's content.</summary>
    Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Every object under <paramref name="prefix"/>, paging through the whole listing.</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// One page of at most <paramref name="maxKeys"/> objects under <paramref name="prefix"/>, starting where
    /// <paramref name="continuationToken"/> says (null: the first page). The token is opaque and can be stored to resume
    /// a listing later. Throws <see cref="BucketNotFoundException"/> when the bucket does not exist.
    /// </summary>
    /// <remarks>
    /// This default pages over <see cref="ListAsync"/> with the last key as the token (stores that list from memory or a
    /// folder); S3 overrides it with ListObjectsV2 continuation tokens.
    /// </remarks>
    async Task<ObjectPage> ListPageAsync(string bucket, string prefix, string? continuationToken, int maxKeys, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        var objects = new List<ObjectInfo>(Math.Min(maxKeys, 1024));
        await foreach (var info in ListAsync(bucket, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (continuationToken is not null && string.CompareOrdinal(info.Key, continuationToken) <= 0)
            {
                continue;
            }

            if (objects.Count == maxKeys)
            {
                return new ObjectPage(objects, objects[^1].Key);
            }

            objects.Add(info);
        }

        return new ObjectPage(objects, null);
    }
}
