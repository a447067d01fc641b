using MixFleet.Storage;

namespace MixFleet.Ingestion.Scans;

/// <summary><c>POST /v1/scans</c>: record a scan job and start its listing; 202 with the job id.</summary>
internal static class ScanEndpoints
{
    public static async Task<IResult> PostAsync(HttpRequest request, ScanService scans, ILogger<ScanService> logger, CancellationToken cancellationToken)
    {
        var (scan, error) = await IngestionJson.ReadBodyAsync<ScanRequest>(request, cancellationToken).ConfigureAwait(false);
        error ??= scans.Validate(scan!);
        if (error is not null)
        {
            IngestionLog.MalformedBody(logger, request.Path, error);
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid scan request");
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
