using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace MixFleet.Storage.Local;

/// <summary>
/// <see cref="IObjectStore"/> over a folder: bucket = a folder under the root, key = a '/'-separated relative path.
/// The ETag is <c>{size:x}-{mtime ticks:x}</c> (cheap, changes whenever the file is replaced; not a content hash).
/// Writes are atomic: a temp file under <c>{root}/.mixfleet-tmp</c> moved into place.
/// </summary>
public sealed class LocalFolderObjectStore : IObjectStore
{
    private const string TempFolder = ".mixfleet-tmp";
    private readonly string _root;

    /// <summary>Creates the store over <see cref="LocalStorageOptions.RootPath"/>.</summary>
    public LocalFolderObjectStore(IOptions<LocalStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _root = Path.GetFullPath(options.Value.RootPath);
    }

    /// <inheritdoc />
    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(ObjectPath(bucket, key));
        return Task.FromResult(file.Exists ? Info(bucket, key, file) : null);
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var path = ObjectPath(bucket, key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(bucket, key, e);
        }
    }

    /// <inheritdoc />
    public async Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = ObjectPath(bucket, key);
        var tempDir = Path.Combine(_root, TempFolder);
        Directory.CreateDirectory(tempDir);
        var temp = Path.Combine(tempDir, Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var bucketDir = BucketPath(bucket);
        // Only the folder the prefix's last '/' names needs walking; a partial last segment filters its files.
        var folderPart = prefix.LastIndexOf('/') is var slash and >= 0 ? prefix[..slash] : "";
        var start = folderPart.Length == 0 ? bucketDir : ObjectPath(bucket, folderPart);
        await Task.CompletedTask.ConfigureAwait(false);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var found = new List<(string Key, FileInfo File)>();
        foreach (var file in new DirectoryInfo(start).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var key = Path.GetRelativePath(bucketDir, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                found.Add((key, file));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, file) in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Info(bucket, key, file);
        }
    }

    private static ObjectInfo Info(string bucket, string key, FileInfo file)
    {
        var modified = file.LastWriteTimeUtc;
        var etag = string.Create(CultureInfo.InvariantCulture, $"{file.Length:x}-{modified.Ticks:x}");
        return new ObjectInfo(bucket, key, file.Length, etag, new DateTimeOffset(modified, TimeSpan.Zero));
    }

    private string BucketPath(string bucket)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        if (bucket.StartsWith('.') || bucket.IndexOfAny(['/', '\\', ':']) >= 0)
        {
            throw new ArgumentException($"Bucket name '{bucket}' is not allowed: no '/', '\\' or ':', and no leading '.'.", nameof(bucket));
        }

        return Path.Combine(_root, bucket);
    }

    /// <summary>The file of an object, refusing keys that would leave the bucket's folder.</summary>
    private string ObjectPath(string bucket, string key)
    {
        var bucketDir = BucketPath(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.StartsWith('/') || key.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(key)
            || key.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException(
                $"Object key '{key}' is not allowed: keys are relative '/'-separated paths without empty, '.' or '..' segments or '\\'.",
                nameof(key));
        }

        var full = Path.GetFullPath(Path.Combine(bucketDir, key));
        if (!full.StartsWith(bucketDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Object key '{key}' resolves outside bucket '{bucket}'.", nameof(key));
        }

        return full;
    }
}
