namespace MixFleet.Ingestion;

/// <summary>The service's log messages: structured, never a token.</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(1, LogLevel.Warning, "Rejected {Method} {Path}: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string method, string path, string reason);

    [LoggerMessage(2, LogLevel.Information, "S3 test event from {Bucket} accepted and ignored")]
    public static partial void TestEvent(ILogger logger, string? bucket);

    [LoggerMessage(3, LogLevel.Information, "Accepted s3://{Bucket}/{ObjectKey} into event job {JobId}")]
    public static partial void Published(ILogger logger, string bucket, string objectKey, Guid jobId);

    [LoggerMessage(4, LogLevel.Debug, "Ignored s3://{Bucket}/{ObjectKey}: {Reason}")]
    public static partial void Ignored(ILogger logger, string? bucket, string objectKey, string reason);

    [LoggerMessage(5, LogLevel.Information, "Scan job {JobId} of s3://{Bucket}/{Prefix} recorded, profile {Profile}; listing starts")]
    public static partial void ScanStarted(ILogger logger, Guid jobId, string bucket, string prefix, string profile);

    [LoggerMessage(6, LogLevel.Warning, "Malformed request body on {Path}: {Error}")]
    public static partial void MalformedBody(ILogger logger, string path, string error);

    [LoggerMessage(7, LogLevel.Warning, "Scan job {JobId}: its first listing command could not be sent; the maintenance pass resumes it")]
    public static partial void ScanSendDeferred(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "{Method} {Path}: a dependency is unavailable ({Dependency}); answered 503")]
    public static partial void DependencyUnavailable(ILogger logger, string method, string path, string dependency, Exception exception);

    [LoggerMessage(20, LogLevel.Information, "Job {JobId}: {Tracks} stranded track(s) {Action}")]
    public static partial void StrandedHandled(ILogger logger, Guid jobId, int tracks, string action);

    [LoggerMessage(30, LogLevel.Information, "SQS source polling {Queues} queue(s) with {Pollers} poller(s) each at {Endpoint}")]
    public static partial void SqsSourceStarted(ILogger logger, int queues, int pollers, string endpoint);

    [LoggerMessage(31, LogLevel.Warning, "SQS message {MessageId} on {QueueUrl} is not an S3 notification (receive {ReceiveCount}): {Error}; left for the queue's redrive policy")]
    public static partial void SqsPoisonMessage(ILogger logger, string messageId, string queueUrl, int receiveCount, string error);

    [LoggerMessage(32, LogLevel.Information, "SQS message {MessageId} acknowledged and ignored: {Reason}")]
    public static partial void SqsMessageIgnored(ILogger logger, string messageId, string reason);

    [LoggerMessage(33, LogLevel.Warning, "Recording {Messages} SQS message(s) from {QueueUrl} failed; they come back after the visibility timeout")]
    public static partial void SqsRecordFailed(ILogger logger, int messages, string queueUrl, Exception exception);

    [LoggerMessage(34, LogLevel.Warning, "Polling {QueueUrl} failed; next try in {Backoff}")]
    public static partial void SqsPollFailed(ILogger logger, string queueUrl, TimeSpan backoff, Exception exception);

    [LoggerMessage(35, LogLevel.Warning, "Extending the visibility of {Messages} SQS message(s) on {QueueUrl} failed; tried again at the next tick")]
    public static partial void SqsExtendFailed(ILogger logger, int messages, string queueUrl, Exception exception);

    [LoggerMessage(36, LogLevel.Warning, "Deleting an SQS message on {QueueUrl} failed ({Code}: {Error}); it comes back and is recognised as a duplicate")]
    public static partial void SqsDeleteFailed(ILogger logger, string queueUrl, string code, string error);
}
