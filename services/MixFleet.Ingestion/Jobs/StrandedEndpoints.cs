using MixFleet.Jobs.Dispatch;
using MixFleet.Jobs.Messaging;
using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Jobs;

/// <summary>
/// <c>POST /v1/jobs/{id}/redrive</c> and <c>POST /v1/jobs/{id}/give-up</c>: what to do with a job's stranded tracks
/// (<c>failedTransient</c>: their command ended in a worker's error queue during a dependency outage).
/// </summary>
internal static class StrandedEndpoints
{
    /// <summary>Sends the stranded tracks again (through the outbox); 200 with how many.</summary>
    public static async Task<IResult> RedriveAsync(Guid id, JobQueries jobs, StrandedWork stranded, OutboxSignal outbox, ILogger<StrandedWork> logger, CancellationToken cancellationToken)
    {
        if (await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return Unknown(id);
        }

        var redriven = await stranded.RedriveAsync(id, cancellationToken).ConfigureAwait(false);
        outbox.Kick();
        IngestionLog.StrandedHandled(logger, id, redriven, "sent again");
        return Results.Ok(new StrandedOutcome(id, redriven, GaveUp: 0));
    }

    /// <summary>Records the stranded tracks as failed (<c>gave-up</c>) so the job can complete; 200 with how many.</summary>
    public static async Task<IResult> GiveUpAsync(Guid id, JobQueries jobs, StrandedWork stranded, AlbumClaimSender claims, ILogger<StrandedWork> logger, CancellationToken cancellationToken)
    {
        if (await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return Unknown(id);
        }

        var outcome = await stranded.GiveUpAsync(id, cancellationToken).ConfigureAwait(false);
        // A claim not sent here (broker down) is sent by the maintenance pass after StalledAfter.
        await claims.SendAsync(outcome.Claims, cancellationToken).ConfigureAwait(false);
        IngestionLog.StrandedHandled(logger, id, outcome.TracksSettled, "given up");
        return Results.Ok(new StrandedOutcome(id, Redriven: 0, outcome.TracksSettled));
    }

    private static IResult Unknown(Guid id) => Results.Problem($"No job {id:D}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown job");
}
