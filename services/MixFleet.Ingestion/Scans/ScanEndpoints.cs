namespace MixFleet.Ingestion.Scans;

/// <summary><c>POST /v1/scans</c>: list a prefix, write the job manifest, publish one command per audio object.</summary>
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

        var manifest = await scans.StartAsync(scan!, cancellationToken).ConfigureAwait(false);
        return Results.Accepted($"/v1/jobs/{manifest.JobId:D}", new ScanAccepted(manifest.JobId));
    }
}
