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
/// and a short exponential retry for transient faults (docs/worker.md). The queue is declared with no arguments, exactly
/// as a sender declares it when it sends by address, so whichever declares it first, the other agrees.
/// </summary>
/// <remarks>
/// No delayed redelivery: on RabbitMQ it needs the delayed-message-exchange plugin (or a scheduler), which the fleet
/// does not require. What still fails after the retries goes to <c>analyze-track_error</c>.
/// </remarks>
public sealed class AnalyzeTrackConsumerDefinition : ConsumerDefinition<AnalyzeTrackConsumer>
{
    /// <summary>Retries after the first attempt.</summary>
    public const int RetryLimit = 4;

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
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.Durable = true;
            rabbit.AutoDelete = false;
        }

        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Exponential(RetryLimit, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
            // Never retried: the object is gone, or the file itself is broken (its failure report is already written).
            retry.Ignore<ObjectNotFoundException>();
            retry.Ignore<AudioDecodeException>(TrackAnalysisUseCase.IsPermanent);
        });
    }
}
