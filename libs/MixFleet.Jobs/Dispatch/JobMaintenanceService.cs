using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MixFleet.Contracts.V1;
using MixFleet.Jobs.Messaging;
using MixFleet.Jobs.Store;

namespace MixFleet.Jobs.Dispatch;

/// <summary>
/// The control plane's background loop (hosted by the ingestion service; safe on every replica): dispatches the
/// <c>AnalyzeTrack</c> outbox as soon as it is kicked or every <see cref="JobsOptions.MaintenanceInterval"/>, resumes
/// scan listings and album claims that stalled (a process died), and seals event albums that went quiet. Every step is
/// a conditional statement, so replicas never take the same work; a failing database or broker is logged and retried
/// on the next pass.
/// </summary>
public sealed class JobMaintenanceService(
    OutboxStore outbox,
    OutboxSignal signal,
    StalledWork stalled,
    AlbumStore albums,
    FleetCommands commands,
    AlbumClaimSender claims,
    IOptions<JobsOptions> options,
    ILogger<JobMaintenanceService> logger) : BackgroundService
{
    private const int DispatchBatch = 500;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int sent;
                do
                {
                    sent = await outbox.DispatchAsync(DispatchBatch, (batch, ct) => commands.SendAsync(batch, ct), stoppingToken).ConfigureAwait(false);
                    if (sent > 0)
                    {
                        JobsLog.Dispatched(logger, sent);
                    }
                }
                while (sent == DispatchBatch);

                foreach (var jobId in await stalled.TakeStalledListingsAsync(o.StalledAfter, stoppingToken).ConfigureAwait(false))
                {
                    JobsLog.ListingResumed(logger, jobId, o.StalledAfter);
                    await commands.SendAsync(new ScanPrefix { JobId = jobId }, stoppingToken).ConfigureAwait(false);
                }

                await claims.SendAsync(await albums.TakeUnsentClaimsAsync(o.StalledAfter, DispatchBatch, stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                await claims.SendAsync(await albums.SealQuietEventAlbumsAsync(o.EventAlbumQuietPeriod, stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives any dependency outage: log, wait, try again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                JobsLog.MaintenanceFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(o.MaintenanceInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
