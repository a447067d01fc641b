using Microsoft.Extensions.Options;
using MixFleet.Storage;

namespace MixFleet.Ingestion.Scans;

/// <summary><c>POST /v1/scans</c>: record a scan job and start its listing; 202 with the job id.</summary>
internal static class ScanEndpoints
{
    public static async Task<IResult> PostAsync(
        HttpRequest request, ScanService scans, IOptions<IngestionOptions> options, ILogger<ScanService> logger, CancellationToken cancellationToken)
    {
        var (scan, error, status) = await IngestionJson.ReadBodyAsync<ScanRequest>(request, options.Value.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (error is null && scans.Validate(scan!) is { } invalid)
        {
            (error, status) = (invalid, StatusCodes.Status400BadRequest);
        }

        if (error is not null)
        {
            IngestionLog.MalformedBody(logger, request.Path, error);
            return Results.Problem(error, statusCode: status, title: status == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Invalid scan request");
        }

        try
        {
            var jobId = await scans.StartAsync(scan!, cancellationToken).ConfigureAwait(false);
            return Results.Accepted($"/v1/jobs/{jobId:D}", new ScanAccepted(jobId));
        }
        catch (BucketNotFoundException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "No such bucket");
        }
    }
}
