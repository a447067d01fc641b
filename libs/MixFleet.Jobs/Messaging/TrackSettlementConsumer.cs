using MassTransit;
using MixFleet.Contracts.V1;
using MixFleet.Jobs.Store;

namespace MixFleet.Jobs.Messaging;

/// <summary>
/// Consumes <see cref="TrackAnalyzed"/> and <see cref="TrackFailed"/> in batches: settles them into the job store in
/// one transaction per batch (<see cref="SettlementStore"/>) and sends an <c>AggregateAlbum</c> for every album the
/// batch completed. Redelivery is harmless: a settled track does not settle twice.
/// </summary>
public sealed class TrackSettlementConsumer(SettlementStore settlements, AlbumClaimSender claims)
    : IConsumer<Batch<TrackAnalyzed>>, IConsumer<Batch<TrackFailed>>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<Batch<TrackAnalyzed>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SettleAsync(context.Message.Select(m => new TrackSettlement(
            m.Message.Source.Bucket, m.Message.Source.Key, m.Message.Source.ETag, Failed: false,
            m.Message.AnalyzedETag, m.Message.AnalyzerVersion, ErrorCode: null)).ToList(), context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<Batch<TrackFailed>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SettleAsync(context.Message.Select(m => new TrackSettlement(
            m.Message.Source.Bucket, m.Message.Source.Key, m.Message.Source.ETag, Failed: true,
            m.Message.AnalyzedETag, AnalyzerVersion: null, m.Message.ErrorCode)).ToList(), context.CancellationToken);
    }

    private async Task SettleAsync(List<TrackSettlement> batch, CancellationToken cancellationToken)
    {
        var outcome = await settlements.SettleAsync(batch, cancellationToken).ConfigureAwait(false);
        await claims.SendAsync(outcome.Claims, cancellationToken).ConfigureAwait(false);
    }
}
