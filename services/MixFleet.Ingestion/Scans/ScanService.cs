using Microsoft.Extensions.Options;
using MixFleet.Contracts;
using MixFleet.Contracts.V1;
using MixFleet.Jobs.Messaging;
using MixFleet.Jobs.Store;
using MixFleet.Storage;

namespace MixFleet.Ingestion.Scans;

/// <summary>
/// Starts a scan without listing it: checks the request and that the bucket exists (one listing request of one key),
/// records the job in <c>listing</c>, and sends the first <see cref="ScanPrefix"/>. The listing itself runs page by page
/// in the <c>scan-prefix</c> consumer, checkpointed in the job store, so the 202 comes at once whatever the prefix size.
/// </summary>
internal sealed class ScanService(
    IObjectStore store,
    ScanJobStore scans,
    FleetCommands commands,
    IOptions<IngestionOptions> options,
    TimeProvider timeProvider,
    ILogger<ScanService> logger)
{
    /// <summary>How long the request waits for the broker to confirm the first <see cref="ScanPrefix"/>.</summary>
    public static readonly TimeSpan SendBudget = TimeSpan.FromSeconds(3);

    /// <summary>Why the request cannot be served (for a 400), or null when it is valid.</summary>
    public string? Validate(ScanRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Bucket))
        {
            return "'bucket' is required.";
        }

        if (!BucketNames.IsValid(request.Bucket))
        {
            return "'bucket' is not an S3 bucket name (3-63 lowercase letters, digits, '.' or '-').";
        }

        if (request.Prefix is { } prefix && (System.Text.Encoding.UTF8.GetByteCount(prefix) > 1024 || prefix.Any(char.IsControl)))
        {
            return "'prefix' must be at most 1,024 bytes of UTF-8 without control characters.";
        }

        var profile = request.Profile ?? options.Value.DefaultProfile;
        return QcProfileNames.IsKnown(profile)
            ? null
            : $"Unknown profile '{profile}'; known profiles: {string.Join(", ", QcProfileNames.All.Order(StringComparer.Ordinal))}.";
    }

    /// <summary>Records and starts a validated scan; returns its job id.</summary>
    /// <exception cref="BucketNotFoundException">The bucket does not exist.</exception>
    public async Task<Guid> StartAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        var bucket = request.Bucket!;
        var prefix = request.Prefix ?? string.Empty;
        var profile = request.Profile ?? options.Value.DefaultProfile;
        await store.ListPageAsync(bucket, prefix, continuationToken: null, maxKeys: 1, cancellationToken).ConfigureAwait(false);

        var now = timeProvider.GetUtcNow();
        var jobId = Guid.CreateVersion7(now);
        await scans.CreateAsync(jobId, bucket, prefix, profile, now, cancellationToken).ConfigureAwait(false);
        IngestionLog.ScanStarted(logger, jobId, bucket, prefix, profile);
        // The job is durable from here: a broker that does not confirm quickly (down, blocked, reconnecting) must not
        // hold the request, so the send gets a short budget of its own.
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        sending.CancelAfter(SendBudget);
        try
        {
            await commands.SendAsync(new ScanPrefix { JobId = jobId }, sending.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The job is recorded: the maintenance pass resumes a listing that made no progress (MixFleet:Jobs:StalledAfter).
            IngestionLog.ScanSendDeferred(logger, jobId, ex);
        }

        return jobId;
    }
}
