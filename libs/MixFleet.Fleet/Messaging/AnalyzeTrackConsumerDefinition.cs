using MassTransit;
using Microsoft.Extensions.Options;
using MixFleet.Audio;
using MixFleet.Contracts;
using MixFleet.Fleet.Tracks;
using MixFleet.ServiceDefaults.Messaging;
using MixFleet.Storage;

namespace MixFleet.Fleet.Messaging;

/// <summary>
/// The <c>analyze-track</c> endpoint: durable queue, concurrency and prefetch from <see cref="TrackAnalysisOptions"/>,
/// and a long exponential retry for dependency faults (<see cref="TrackAnalysisOptions.RetryLimit"/>, docs/worker.md). The queue is declared with no arguments, exactly
/// as a sender declares it when it sends by address, so whichever declares it first, the other agrees.
/// </summary>
/// <remarks>
/// No delayed redelivery: on RabbitMQ it needs the delayed-message-exchange plugin (or a scheduler), which the fleet
/// does not require. What still fails after the retries goes to <c>analyze-track_error</c>; MassTransit publishes its
/// <c>Fault&lt;AnalyzeTrack&gt;</c>, and the control plane strands the tracks until they are redriven or given up.
/// </remarks>
public sealed class AnalyzeTrackConsumerDefinition : ConsumerDefinition<AnalyzeTrackConsumer>
{
    private readonly TrackAnalysisOptions _options;

    /// <summary>Creates the definition from the worker's options.</summary>
    public AnalyzeTrackConsumerDefinition(IOptions<TrackAnalysisOptions> options, IOptions<RabbitMqOptions> rabbit)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rabbit);
        _options = options.Value;
        EndpointName = rabbit.Value.QueueName(QueueNames.AnalyzeTrack);
        ConcurrentMessageLimit = _options.EffectiveConcurrentTracks;
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnalyzeTrackConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        // Prefetch no more than is consumed at once: a prefetched delivery is unacknowledged too and counts against
        // the broker's consumer_timeout while it waits.
        endpointConfigurator.PrefetchCount = _options.EffectiveConcurrentTracks;
        endpointConfigurator.UseDurableQueue();

        endpointConfigurator.UseMessageRetry(retry =>
        {
            var max = _options.RetryMaxInterval;
            retry.Exponential(_options.RetryLimit, Min(TimeSpan.FromSeconds(1), max), max, Min(TimeSpan.FromSeconds(1), max));
            // Never retried: the object is gone, or the file itself is broken (its failure report is already written).
            retry.Ignore<ObjectNotFoundException>();
            retry.Ignore<AudioDecodeException>(TrackAnalysisUseCase.IsPermanent);
        });
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
