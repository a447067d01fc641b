using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Jobs;

/// <summary><c>GET /v1/jobs/{id}</c> (two indexed queries) and <c>GET /v1/jobs?state=&amp;limit=&amp;cursor=</c> (one).</summary>
internal static class JobEndpoints
{
    private static readonly string[] States = ["listing", "running", "completed"];

    public static async Task<IResult> GetAsync(Guid id, JobQueries jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return Results.Problem($"No job {id:D}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown job");
        }

        var albums = await jobs.GetAlbumReportsAsync(id, JobStatus.AlbumListLimit, cancellationToken).ConfigureAwait(false);
        return Results.Ok(JobStatus.From(job, albums));
    }

    public static async Task<IResult> ListAsync(string? state, int? limit, string? cursor, JobQueries jobs, CancellationToken cancellationToken)
    {
        if (state is not null && !States.Contains(state, StringComparer.Ordinal))
        {
            return Results.Problem($"'state' must be one of {string.Join(", ", States)}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid query");
        }

        var size = limit ?? 20;
        if (size is < 1 or > 200)
        {
            return Results.Problem("'limit' must be between 1 and 200.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid query");
        }

        (DateTimeOffset, Guid)? after = null;
        if (cursor is not null)
        {
            if (!JobCursor.TryDecode(cursor, out var position))
            {
                return Results.Problem("'cursor' is not a cursor this service returned.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid query");
            }

            after = position;
        }

        var page = await jobs.ListAsync(state, after, size + 1, cancellationToken).ConfigureAwait(false);
        var shown = page.Take(size).Select(j => JobStatus.From(j, [])).ToList();
        var next = page.Count > size ? JobCursor.Encode(shown[^1].CreatedAt, shown[^1].JobId) : null;
        return Results.Ok(new JobPage(shown, next));
    }
}
