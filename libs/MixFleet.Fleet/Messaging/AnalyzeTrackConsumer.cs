using System.Diagnostics;
using MassTransit;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Health;
using MixFleet.Fleet.Telemetry;
using MixFleet.Fleet.Tracks;

namespace MixFleet.Fleet.Messaging;

/// <summary>
/// Consumes <see cref="AnalyzeTrack"/>: runs <see cref="TrackAnalysisUseCase"/> and publishes its outcome. Around the
/// call it opens the track's span (stage children: <c>fetch</c>, <c>decode-analyze</c>, <c>write</c>) and records the
/// worker's metrics from the outcome (<see cref="WorkerTelemetry"/>).
/// </summary>
public sealed class AnalyzeTrackConsumer(TrackAnalysisUseCase useCase, WorkerTelemetry telemetry, AnalysisWatchdog watchdog, TimeProvider timeProvider) : IConsumer<AnalyzeTrack>
{
    /// <summary>The name of the span of one consumed track.</summary>
    public const string ActivityName = "analyze-track";

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<AnalyzeTrack> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        RecordQueueWait(context);
        var outcome = await AnalyzeAsync(message, context.CancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } error)
        {
            await context.Publish(new TrackFailed
            {
                JobId = message.JobId,
                Source = message.Source,
                AlbumKey = message.AlbumKey,
                Profile = message.Profile,
                ReportKey = outcome.ReportKey,
                AnalyzedETag = outcome.AnalyzedETag,
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
            AnalyzedETag = outcome.AnalyzedETag,
            Reused = outcome.Reused,
        }, context.CancellationToken).ConfigureAwait(false);
    }

    private async Task<TrackAnalysisOutcome> AnalyzeAsync(AnalyzeTrack message, CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity(ActivityName, ActivityKind.Internal);
        // Object keys belong on spans (one per track), never on metrics.
        activity?.SetTag("mixfleet.job.id", message.JobId.ToString("D"));
        activity?.SetTag("mixfleet.source.bucket", message.Source.Bucket);
        activity?.SetTag("mixfleet.source.key", message.Source.Key);
        var started = timeProvider.GetTimestamp();
        using var stages = TrackStages.Begin(telemetry.ActivitySource, activity);
        using var watched = watchdog.Begin(stages, $"{message.Source.Bucket}/{message.Source.Key}");
        try
        {
            var outcome = await useCase.ExecuteAsync(message.Source, message.AlbumKey, message.Profile, cancellationToken).ConfigureAwait(false);
            Record(outcome, stages.AudioSeconds, timeProvider.GetElapsedTime(started).TotalSeconds);
            activity?.SetTag("mixfleet.outcome", OutcomeName(outcome));
            if (outcome.Error is { } error)
            {
                activity?.SetTag("mixfleet.error.code", error.Code);
            }

            return outcome;
        }
        catch (Exception ex)
        {
            stages.Fail();
            telemetry.AnalysisDuration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("mixfleet.outcome", "error"));
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private void Record(TrackAnalysisOutcome outcome, double audioSeconds, double seconds)
    {
        if (outcome.Error is { } error)
        {
            telemetry.TracksFailed.Add(1, new KeyValuePair<string, object?>("mixfleet.reason", error.Code));
        }
        else
        {
            telemetry.TracksAnalyzed.Add(1, new KeyValuePair<string, object?>("mixfleet.reused", outcome.Reused));
            if (!outcome.Reused)
            {
                telemetry.AudioAnalyzed.Add(audioSeconds);
            }
        }

        telemetry.AnalysisDuration.Record(seconds, new KeyValuePair<string, object?>("mixfleet.outcome", OutcomeName(outcome)));
    }

    // From the send to the first delivery: a retry re-runs the consumer on the same message and is not queue wait.
    private void RecordQueueWait(ConsumeContext context)
    {
        if (context.SentTime is { } sent && context.GetRetryAttempt() == 0)
        {
            var wait = timeProvider.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc));
            telemetry.QueueWait.Record(Math.Max(0, wait.TotalSeconds));
        }
    }

    private static string OutcomeName(TrackAnalysisOutcome outcome) =>
        outcome.Failed ? "failed" : outcome.Reused ? "reused" : "analyzed";
}
