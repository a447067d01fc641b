using Microsoft.Extensions.Logging;

namespace MixFleet.Jobs;

/// <summary>The control plane's log messages. Connection strings are logged only through <see cref="PostgresOptions.Describe"/>.</summary>
internal static partial class JobsLog
{
    [LoggerMessage(1, LogLevel.Information, "Job store: {Database}")]
    public static partial void Database(ILogger logger, string database);

    [LoggerMessage(2, LogLevel.Information, "Schema: {Message}")]
    public static partial void Migration(ILogger logger, string message);

    [LoggerMessage(3, LogLevel.Warning, "Schema: {Message}")]
    public static partial void MigrationWarning(ILogger logger, string message);

    [LoggerMessage(4, LogLevel.Information, "Scan job {JobId}: page {Page} recorded, {Tracks} track(s), {Invalid} invalid key(s), last page {Last}")]
    public static partial void PageRecorded(ILogger logger, Guid jobId, int page, int tracks, int invalid, bool last);

    [LoggerMessage(5, LogLevel.Warning, "s3://{Bucket}/{ObjectKey} of job {JobId} is not a key the fleet accepts: {Reason}")]
    public static partial void InvalidKey(ILogger logger, string bucket, string objectKey, Guid jobId, string reason);

    [LoggerMessage(6, LogLevel.Debug, "Dispatched {Count} AnalyzeTrack command(s)")]
    public static partial void Dispatched(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Warning, "Job maintenance pass failed; the next pass tries again")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Resumed the listing of scan job {JobId} (no progress for {StalledAfter})")]
    public static partial void ListingResumed(ILogger logger, Guid jobId, TimeSpan stalledAfter);

    [LoggerMessage(9, LogLevel.Information, "Album s3://{Bucket}/{AlbumKey} of job {JobId} claimed for aggregation")]
    public static partial void AlbumClaimed(ILogger logger, Guid jobId, string bucket, string albumKey);

    [LoggerMessage(10, LogLevel.Information, "Job {JobId} completed")]
    public static partial void JobCompleted(ILogger logger, Guid jobId);

    [LoggerMessage(11, LogLevel.Warning, "Scan job {JobId}: the bucket {Bucket} no longer exists; the listing ends here")]
    public static partial void BucketVanished(ILogger logger, Guid jobId, string bucket);

    [LoggerMessage(12, LogLevel.Warning, "s3://{Bucket}/{Key}: its AnalyzeTrack ended in the worker's error queue ({Cause}); {Tracks} track(s) stranded until redriven or given up")]
    public static partial void Stranded(ILogger logger, string bucket, string key, int tracks, string cause);

    [LoggerMessage(13, LogLevel.Warning, "Album {AlbumKey} of job {JobId}: its AggregateAlbum ended in the worker's error queue ({Cause}); it will be sent again")]
    public static partial void AggregationRearmed(ILogger logger, Guid jobId, string albumKey, string cause);
}
