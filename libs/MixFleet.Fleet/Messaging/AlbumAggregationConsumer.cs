using MassTransit;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Albums;

namespace MixFleet.Fleet.Messaging;

/// <summary>
/// Consumes <see cref="TrackAnalyzed"/> and <see cref="TrackFailed"/>: runs <see cref="AlbumAggregationUseCase"/> for
/// the track's album and publishes <see cref="AlbumReportReady"/> when the album report was written.
/// </summary>
public sealed class AlbumAggregationConsumer(AlbumAggregationUseCase useCase) : IConsumer<TrackAnalyzed>, IConsumer<TrackFailed>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<TrackAnalyzed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        return AggregateAsync(context, message.JobId, message.Source.Bucket, message.AlbumKey, message.Profile);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TrackFailed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        return AggregateAsync(context, message.JobId, message.Source.Bucket, message.AlbumKey, message.Profile);
    }

    private async Task AggregateAsync(ConsumeContext context, Guid jobId, string bucket, string albumKey, string profile)
    {
        var outcome = await useCase.ExecuteAsync(jobId, bucket, albumKey, profile, context.CancellationToken).ConfigureAwait(false);
        if (!outcome.Written)
        {
            return;
        }

        await context.Publish(new AlbumReportReady
        {
            JobId = jobId,
            Bucket = bucket,
            AlbumKey = albumKey,
            JsonKey = outcome.JsonKey!,
            CsvKey = outcome.CsvKey!,
            HtmlKey = outcome.HtmlKey!,
            Status = outcome.QcStatusName!,
        }, context.CancellationToken).ConfigureAwait(false);
    }
}
