namespace MixFleet.Storage;

/// <summary>What a listing or a HEAD request tells about an object.</summary>
/// <param name="Bucket">Bucket name.</param>
/// <param name="Key">Object key.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ETag">Entity tag without quotes, when the store has one.</param>
/// <param name="LastModified">Last modification time, when known.</param>
public sealed record ObjectInfo(string Bucket, string Key, long Size, string? ETag, DateTimeOffset? LastModified);
