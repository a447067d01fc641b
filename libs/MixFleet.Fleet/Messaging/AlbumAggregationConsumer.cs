using MassTransit;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Albums;
using MixFleet.Jobs.Store;

namespace MixFleet.Fleet.Messaging;

/// <summary>
/// Consumes <see cref="AggregateAlbum"/> (sent once per claimed album): reads the album's settled tracks from the job
/// store, runs <see cref="AlbumAggregationUseCase"/>, records the album as written and publishes
/// <see cref="AlbumReportReady"/>. A repeat after a crash writes the same bytes and records nothing new.
/// </summary>
public sealed class AlbumAggregationConsumer(AlbumAggregationUseCase useCase, AlbumStore albums) : IConsumer<AggregateAlbum>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<AggregateAlbum> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var ct = context.CancellationToken;
        var tracks = await albums.GetTracksAsync(m.JobId, m.AlbumKey, ct).ConfigureAwait(false);
        var outcome = await useCase.ExecuteAsync(m.JobId, m.Bucket, m.AlbumKey, tracks.Select(t => t.Key).ToList(), m.Profile, ct).ConfigureAwait(false);
        // Nothing to write (no report readable) still settles the claim, so the job can complete; the log says why.
        var written = await albums.MarkWrittenAsync(m.JobId, m.AlbumKey, outcome.QcStatusName ?? "none", outcome.JsonKey ?? "",
            outcome.Album is { } album ? AlbumFindings.From(album) : [], ct).ConfigureAwait(false);
        if (!outcome.Written || !written)
        {
            return;
        }

        await context.Publish(new AlbumReportReady
        {
            JobId = m.JobId,
            Bucket = m.Bucket,
            AlbumKey = m.AlbumKey,
            JsonKey = outcome.JsonKey!,
            CsvKey = outcome.CsvKey!,
            HtmlKey = outcome.HtmlKey!,
            Status = outcome.QcStatusName!,
        }, ct).ConfigureAwait(false);
    }
}
