using Microsoft.Extensions.Options;

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

        if (notification.Records?.Any(r => r is null) == true)
        {
            const string nullRecord = "'Records' holds a null entry; every record must be an object.";
            IngestionLog.MalformedBody(logger, request.Path, nullRecord);
            return Results.Problem(nullRecord, statusCode: StatusCodes.Status400BadRequest, title: "Malformed S3 event notification");
        }

        var result = await ingestor.IngestAsync(notification, cancellationToken).ConfigureAwait(false);
        return result is null
            ? Results.Problem("The body has neither 'Records' nor an 's3:TestEvent'.", statusCode: StatusCodes.Status400BadRequest, title: "Not an S3 event notification")
            : Results.Accepted(value: result);
    }
}
