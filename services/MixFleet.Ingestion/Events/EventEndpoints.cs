using Microsoft.Extensions.Options;
using MixFleet.Notifications;

namespace MixFleet.Ingestion.Events;

/// <summary><c>POST /v1/events/s3</c>: the notification JSON AWS S3 and MinIO send.</summary>
internal static class EventEndpoints
{
    public static async Task<IResult> PostAsync(
        HttpRequest request, S3EventIngestor ingestor, IOptions<IngestionOptions> options, ILogger<S3EventIngestor> logger, CancellationToken cancellationToken)
    {
        var (notification, error, status) = await IngestionJson.ReadBodyAsync<S3EventNotification>(request, options.Value.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (notification is null)
        {
            IngestionLog.MalformedBody(logger, request.Path, error!);
            return Results.Problem(error, statusCode: status, title: status == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed S3 event notification");
        }

        var parsed = S3RecordEvents.Read(notification);
        switch (parsed.Outcome)
        {
            case NotificationOutcome.Malformed:
                IngestionLog.MalformedBody(logger, request.Path, parsed.Detail!);
                return Results.Problem(parsed.Detail, statusCode: StatusCodes.Status400BadRequest,
                    title: notification.Records is null ? "Not an S3 event notification" : "Malformed S3 event notification");
            case NotificationOutcome.TestEvent:
                IngestionLog.TestEvent(logger, parsed.Detail);
                return Results.Accepted(value: new EventIngestResult([], []));
            default:
                return Results.Accepted(value: await ingestor.IngestAsync(parsed.Events, cancellationToken).ConfigureAwait(false));
        }
    }
}
