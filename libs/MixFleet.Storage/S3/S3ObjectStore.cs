using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace MixFleet.Storage.S3;

/// <summary>
/// <see cref="IObjectStore"/> over AWS S3 or an S3-compatible server. Reads stream through ranged GETs of
/// <see cref="S3StorageOptions.ReadBlockSize"/>; every request is retried on transient failures (docs/storage.md).
/// </summary>
public sealed class S3ObjectStore : IObjectStore
{
    private readonly IAmazonS3 _client;
    private readonly S3StorageOptions _options;
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Creates the store over a client made by <see cref="CreateClient"/> (or any configured client).</summary>
    public S3ObjectStore(IAmazonS3 client, IOptions<S3StorageOptions> options, ILogger<S3ObjectStore> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _options = options.Value;
        _pipeline = S3Retry.Create(_options.MaxRetryAttempts, _options.RetryBaseDelay, logger);
    }

    /// <summary>
    /// A client for the options: path style, aws-chunked off and checksums only when required on S3-compatible
    /// endpoints; the SDK's own retries off (the store's pipeline retries).
    /// </summary>
    public static IAmazonS3 CreateClient(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.EffectiveForcePathStyle,
            MaxErrorRetry = 0,
        };
        if (options.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region;
            // Servers that do not implement the flexible checksums of AWSSDK 4 reject or mangle them.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    /// <inheritdoc />
    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await _pipeline.ExecuteAsync(
                async token => await _client.GetObjectMetadataAsync(bucket, key, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            return new ObjectInfo(bucket, key, head.ContentLength, Unquote(head.ETag), ToOffset(head.LastModified));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(bucket, key);
        var etag = head.ETag;
        // The stream lives as long as the work it was opened for: its reads stop with that work's token.
        return new RangedReadStream(head.Size, _options.ReadBlockSize, OpenRange, _pipeline, _options.BlockReadTimeout, cancellationToken);

        async Task<Stream> OpenRange(long offset, long count, CancellationToken token)
        {
            var request = new GetObjectRequest
            {
                BucketName = bucket,
                Key = key,
                ByteRange = new ByteRange(offset, offset + count - 1),
            };
            try
            {
                var response = await _client.GetObjectAsync(request, token).ConfigureAwait(false);
                if (etag is not null && response.ETag is { } got && Unquote(got) != etag)
                {
                    response.Dispose();
                    throw new InvalidDataException($"s3://{bucket}/{key} changed while it was read (ETag {etag} became {Unquote(got)}).");
                }

                return new ResponseStream(response);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ObjectNotFoundException(bucket, key, e);
            }
        }
    }

    /// <inheritdoc />
    public async Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        // A retry re-sends from the start, and payload signing needs the length: spool a forward-only stream first.
        var spooled = content.CanSeek ? null : await SpoolAsync(content, cancellationToken).ConfigureAwait(false);
        var body = spooled ?? content;
        var start = body.Position;
        try
        {
            await _pipeline.ExecuteAsync(
                async token =>
                {
                    body.Position = start;
                    var request = new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        InputStream = body,
                        ContentType = contentType,
                        AutoCloseStream = false,
                        AutoResetStreamPosition = false,
                        UseChunkEncoding = _options.EffectiveUseChunkEncoding,
                    };
                    await _client.PutObjectAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (spooled is not null)
            {
                await spooled.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = continuation };
            var page = await _pipeline.ExecuteAsync(
                async token => await _client.ListObjectsV2Async(request, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            foreach (var o in page.S3Objects ?? [])
            {
                yield return new ObjectInfo(bucket, o.Key, o.Size ?? 0, Unquote(o.ETag), ToOffset(o.LastModified));
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    /// <inheritdoc />
    public async Task<ObjectPage> ListPageAsync(string bucket, string prefix, string? continuationToken, int maxKeys, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = continuationToken, MaxKeys = maxKeys };
        try
        {
            var page = await _pipeline.ExecuteAsync(
                async token => await _client.ListObjectsV2Async(request, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            var objects = (page.S3Objects ?? []).ConvertAll(o => new ObjectInfo(bucket, o.Key, o.Size ?? 0, Unquote(o.ETag), ToOffset(o.LastModified)));
            return new ObjectPage(objects, page.IsTruncated == true ? page.NextContinuationToken : null);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode == "NoSuchBucket")
        {
            throw new BucketNotFoundException(bucket, e);
        }
    }

    private static async Task<Stream> SpoolAsync(Stream content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mixfleet-put-{Guid.NewGuid():N}.tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string? Unquote(string? etag) => etag?.Trim('"');

    private static DateTimeOffset? ToOffset(DateTime? value) =>
        value is { } v ? new DateTimeOffset(v.ToUniversalTime(), TimeSpan.Zero) : null;
}
