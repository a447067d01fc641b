using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace MixFleet.Storage.S3;

/// <summary>The retry pipeline of every S3 request: exponential backoff with jitter on transient failures only.</summary>
internal static class S3Retry
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "RequestThrottled",
        "TooManyRequestsException", "RequestTimeout", "RequestTimeoutException", "InternalError", "ServiceUnavailable",
    };

    /// <summary>Builds the pipeline; <paramref name="logger"/> hears of every retry.</summary>
    public static ResiliencePipeline Create(int maxRetryAttempts, TimeSpan baseDelay, ILogger logger, TimeProvider? timeProvider = null)
    {
        var builder = new ResiliencePipelineBuilder();
        if (timeProvider is not null)
        {
            builder.TimeProvider = timeProvider;
        }

        if (maxRetryAttempts == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = maxRetryAttempts,
            Delay = baseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } e && IsTransient(e, args.Context.CancellationToken)),
            OnRetry = args =>
            {
                StorageLog.Retrying(logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.GetType().Name ?? "none");
                return default;
            },
        }).Build();
    }

    /// <summary>
    /// Whether a failure is worth another attempt: 5xx, 429 and throttling codes, timeouts and I/O errors. Never
    /// 404/403 or other 4xx, never the caller's own cancellation.
    /// </summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException:
                // The caller's cancellation is final; an HttpClient timeout surfaces as a cancellation too.
                return !cancellationToken.IsCancellationRequested;
            case AmazonServiceException service when service.StatusCode != 0:
                var status = (int)service.StatusCode;
                if (status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Forbidden)
                {
                    return false;
                }

                return status >= 500 || status == 429 || (service.ErrorCode is { } code && ThrottlingCodes.Contains(code))
                    || (service.InnerException is { } inner && IsTransient(inner, cancellationToken));
            case IOException or HttpRequestException or TimeoutException:
                return true;
            default:
                return exception.InnerException is { } innerException && IsTransient(innerException, cancellationToken);
        }
    }
}
