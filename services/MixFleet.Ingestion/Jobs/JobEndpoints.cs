namespace MixFleet.Ingestion.Jobs;

/// <summary><c>GET /v1/jobs/{id}</c>: progress of a scan job; 404 when no manifest exists.</summary>
internal static class JobEndpoints
{
    public static async Task<IResult> GetAsync(Guid id, JobStatusService jobs, CancellationToken cancellationToken)
    {
        var status = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return status is null
            ? Results.Problem($"No job {id:D}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown job")
            : Results.Ok(status);
    }
}
