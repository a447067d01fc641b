using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Dashboard.Live;

/// <summary>
/// <c>GET /dashboard/jobs/{id}/live</c>: server-sent events with the job's counters (one primary-key read per
/// interval), the first at once, then whenever they change, until the job completes. The job page's inline script
/// moves its progress bar and reloads once the job is completed.
/// </summary>
internal static class LiveJobEndpoint
{
    /// <summary>
    /// How long one stream lasts: then it ends and the browser's EventSource reconnects (a fresh request, a fresh
    /// authorization check), so a job that runs for hours never pins a connection, nor delays a shutdown.
    /// </summary>
    public static readonly TimeSpan StreamLifetime = TimeSpan.FromMinutes(5);

    public static async Task<IResult> StreamAsync(
        Guid id, JobQueries jobs, IOptions<DashboardOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(context);
        var job = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return Results.Problem($"No job {id:D}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown job");
        }

        // The stream ends with the request, with the service's shutdown, or after its lifetime, whichever comes first.
        var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        ending.CancelAfter(StreamLifetime);
        context.Response.RegisterForDispose(ending);
        return TypedResults.ServerSentEvents(EventsAsync(id, job, jobs, options.Value.LiveInterval, time, ending.Token));
    }

    private static async IAsyncEnumerable<SseItem<LiveJob>> EventsAsync(
        Guid id, JobSummary first, JobQueries jobs, TimeSpan interval, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = LiveJob.From(first);
        yield return new SseItem<LiveJob>(last, "job");
        while (last.State != "completed" && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            JobSummary? job;
            try
            {
                job = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (job is null)
            {
                yield break;
            }

            var now = LiveJob.From(job);
            if (now != last)
            {
                last = now;
                yield return new SseItem<LiveJob>(now, "job");
            }
        }
    }
}
