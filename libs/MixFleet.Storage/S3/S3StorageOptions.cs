using System.ComponentModel.DataAnnotations;

namespace MixFleet.Storage.S3;

/// <summary>
/// Where and how to reach S3 or an S3-compatible server (MinIO, Ceph, s3rver…). Bound from
/// <see cref="SectionName"/>; validated at start.
/// </summary>
public sealed class S3StorageOptions : IValidatableObject
{
    /// <summary>The configuration section: <c>MixFleet:S3</c>.</summary>
    public const string SectionName = "MixFleet:S3";

    /// <summary>The endpoint of an S3-compatible server (<c>http://minio:9000</c>); null for AWS S3 itself.</summary>
    [Url(ErrorMessage = "MixFleet:S3:ServiceUrl must be an absolute http(s) URL, e.g. http://127.0.0.1:9000.")]
    public string? ServiceUrl { get; set; }

    /// <summary>The region requests are signed for (S3-compatible servers usually accept any).</summary>
    [Required(ErrorMessage = "MixFleet:S3:Region is required (e.g. us-east-1).")]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Path-style addressing (<c>host/bucket/key</c>); null = true with <see cref="ServiceUrl"/>, false on AWS.</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>Access key; with <see cref="SecretKey"/>, or neither to use the SDK's default credential chain.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret key; never logged.</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// aws-chunked uploads; null = false with <see cref="ServiceUrl"/> (servers that do not speak aws-chunked store
    /// the chunk framing as content), true on AWS.
    /// </summary>
    public bool? UseChunkEncoding { get; set; }

    /// <summary>Size of one ranged GET when reading (default 8 MiB).</summary>
    [Range(64 * 1024, 256 * 1024 * 1024, ErrorMessage = "MixFleet:S3:ReadBlockSize must be between 64 KiB and 256 MiB.")]
    public int ReadBlockSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// The longest one ranged GET of a block may take while reading an object (default 2 minutes for 8 MiB): a read that
    /// stalls longer is abandoned and retried from where it stopped, instead of hanging the track.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "MixFleet:S3:BlockReadTimeout must be between 1 second and 1 hour.")]
    public TimeSpan BlockReadTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of one request after a transient failure (5xx, throttling, timeout, I/O).</summary>
    [Range(0, 20, ErrorMessage = "MixFleet:S3:MaxRetryAttempts must be between 0 and 20.")]
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; doubles with each attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "MixFleet:S3:RetryBaseDelay must be between 0 and 1 minute.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The effective path-style setting.</summary>
    public bool EffectiveForcePathStyle => ForcePathStyle ?? ServiceUrl is not null;

    /// <summary>The effective aws-chunked setting.</summary>
    public bool EffectiveUseChunkEncoding => UseChunkEncoding ?? ServiceUrl is null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(AccessKey) != string.IsNullOrEmpty(SecretKey))
        {
            yield return new ValidationResult(
                "MixFleet:S3:AccessKey and MixFleet:S3:SecretKey go together: set both, or neither to use the SDK's default credential chain.",
                [nameof(AccessKey), nameof(SecretKey)]);
        }

        if (ServiceUrl is not null
            && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                "MixFleet:S3:ServiceUrl must be an absolute http(s) URL, e.g. http://127.0.0.1:9000.", [nameof(ServiceUrl)]);
        }
    }
}
