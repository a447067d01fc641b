using Microsoft.Extensions.Logging;

namespace MixFleet.Fleet;

/// <summary>The fleet's log messages. Object keys are logged; credentials never are.</summary>
internal static partial class FleetLog
{
    [LoggerMessage(1, LogLevel.Information, "Reused the report {ReportKey} of s3://{Bucket}/{ObjectKey}: same ETag and analyzer version")]
    public static partial void ReportReused(ILogger logger, string bucket, string objectKey, string reportKey);

    [LoggerMessage(2, LogLevel.Information, "Analyzed s3://{Bucket}/{ObjectKey} into {ReportKey}")]
    public static partial void TrackAnalyzed(ILogger logger, string bucket, string objectKey, string reportKey);

    [LoggerMessage(3, LogLevel.Warning, "s3://{Bucket}/{ObjectKey} cannot be analyzed ({ErrorCode}); a failure report was written")]
    public static partial void TrackFailed(ILogger logger, string bucket, string objectKey, string errorCode);

    [LoggerMessage(4, LogLevel.Warning, "The report {ReportKey} is unreadable; the track is analyzed again")]
    public static partial void ReportUnreadable(ILogger logger, string reportKey, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Album s3://{Bucket}/{AlbumKey} (job {JobId}): {ObjectKey} settled but its report is missing or unreadable; left out")]
    public static partial void AlbumNotComplete(ILogger logger, Guid jobId, string bucket, string albumKey, string objectKey);

    [LoggerMessage(7, LogLevel.Information, "Album s3://{Bucket}/{AlbumKey} (job {JobId}): {TrackCount} track(s), QC {Status}, report {ReportKey}")]
    public static partial void AlbumReportWritten(ILogger logger, Guid jobId, string bucket, string albumKey, string reportKey, int trackCount, string status);
}
