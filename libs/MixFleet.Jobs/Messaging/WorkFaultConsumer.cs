using MassTransit;
using Microsoft.Extensions.Logging;
using MixFleet.Contracts.V1;
using MixFleet.Jobs.Store;

namespace MixFleet.Jobs.Messaging;

/// <summary>
/// Consumes the faults MassTransit publishes when a worker gives a command up to its <c>_error</c> queue: an
/// <c>AnalyzeTrack</c> strands its tracks (counted in <c>failedTransient</c>, the job waits for a redrive or a give-up);
/// an <c>AggregateAlbum</c> re-arms its claim, which the maintenance pass sends again. File faults never get here: a
/// broken file is a failure report and a <c>TrackFailed</c>.
/// </summary>
public sealed class WorkFaultConsumer(StrandedWork stranded, AlbumStore albums, ILogger<WorkFaultConsumer> logger)
    : IConsumer<Fault<AnalyzeTrack>>, IConsumer<Fault<AggregateAlbum>>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<Fault<AnalyzeTrack>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = context.Message.Message.Source;
        var tracks = await stranded.StrandAsync(source.Bucket, source.Key, source.ETag, context.CancellationToken).ConfigureAwait(false);
        JobsLog.Stranded(logger, source.Bucket, source.Key, tracks, Describe(context.Message));
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<Fault<AggregateAlbum>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message.Message;
        await albums.RearmClaimAsync(m.JobId, m.AlbumKey, context.CancellationToken).ConfigureAwait(false);
        JobsLog.AggregationRearmed(logger, m.JobId, m.AlbumKey, Describe(context.Message));
    }

    private static string Describe(Fault fault) =>
        fault.Exceptions is { Length: > 0 } e ? $"{e[0].ExceptionType}: {e[0].Message}" : "no exception recorded";
}
