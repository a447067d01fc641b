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
}
