using MassTransit;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Tracks;

namespace MixFleet.Fleet.Messaging;

/// <summary>Consumes <see cref="AnalyzeTrack"/>: runs <see cref="TrackAnalysisUseCase"/> and publishes its outcome.</summary>
public sealed class AnalyzeTrackConsumer(TrackAnalysisUseCase useCase) : IConsumer<AnalyzeTrack>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<AnalyzeTrack> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var outcome = await useCase.ExecuteAsync(message.Source, message.AlbumKey, context.CancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } error)
        {
            await context.Publish(new TrackFailed
            {
                JobId = message.JobId,
                Source = message.Source,
                AlbumKey = message.AlbumKey,
                Profile = message.Profile,
                ReportKey = outcome.ReportKey,
                ErrorCode = error.Code,
                ErrorMessage = error.Message,
            }, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        await context.Publish(new TrackAnalyzed
        {
            JobId = message.JobId,
            Source = message.Source,
            AlbumKey = message.AlbumKey,
            Profile = message.Profile,
            ReportKey = outcome.ReportKey,
            AnalyzerVersion = outcome.AnalyzerVersion,
            Reused = outcome.Reused,
        }, context.CancellationToken).ConfigureAwait(false);
    }
}
