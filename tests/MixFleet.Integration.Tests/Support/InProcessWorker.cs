using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.Contracts.V1;
using MixFleet.Fleet;
using MixFleet.Fleet.Messaging;
using MixFleet.Storage;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// The worker as services/MixFleet.Worker/Program.cs builds it (track analysis, the S3 store, MassTransit over RabbitMQ
/// with <see cref="AnalyzeTrackConsumer"/> and <see cref="AlbumAggregationConsumer"/> and their definitions), in
/// process, from in-memory configuration.
/// </summary>
/// <remarks>
/// Isolation on a shared broker: the consumers listen on queues of this run's own (<see cref="QueueName"/>,
/// <see cref="AlbumQueueName"/>) instead of <c>analyze-track</c> and <c>album-aggregation</c>, so a running worker or
/// the Fleet tests' worker never takes this run's messages off them. The message exchanges (<c>AnalyzeTrack</c>,
/// <c>TrackAnalyzed</c>, <c>TrackFailed</c>) are still shared, so these queues also receive copies of other publishers'
/// messages; the worker skips every message whose source bucket is not <see cref="SourceBucket"/> (each queue has its
/// own copy, so skipping ours costs the other consumer nothing). Several workers built with the same run id consume
/// the same queues, as replicas of one deployment do. <see cref="BrokerCleanup"/> deletes the queues afterwards.
/// The store is wrapped to count, per worker, how often each source object is opened (<see cref="SourceReads"/>):
/// one open is one analysis.
/// </remarks>
internal sealed class InProcessWorker
{
    /// <param name="sourceBucket">The run's source bucket: messages about other buckets are skipped.</param>
    /// <param name="reportsBucket">The run's reports bucket.</param>
    /// <param name="runId">Names the run's queues; workers with the same id share them.</param>
    /// <param name="concurrentTracks">The worker's <c>ConcurrentTracks</c> (also the prefetch count); null for the default (<c>Cores</c> = 2).</param>
    public InProcessWorker(string sourceBucket, string reportsBucket, string runId, int? concurrentTracks = null)
    {
        SourceBucket = sourceBucket;
        QueueName = "mixfleet-e2e-analyze-track-" + runId;
        AlbumQueueName = "mixfleet-e2e-album-aggregation-" + runId;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = RealParts.Configuration();
        configuration["MixFleet:Reports:Bucket"] = reportsBucket;
        configuration["MixFleet:Worker:Cores"] = "2";
        configuration["MixFleet:Worker:ShutdownTimeout"] = "00:00:10";
        if (concurrentTracks is { } concurrent)
        {
            configuration["MixFleet:Worker:ConcurrentTracks"] = concurrent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddTrackAnalysis();
        builder.AddObjectStore();
        CountSourceReads(builder.Services);
        builder.AddMixFleetMessaging(bus =>
        {
            bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>(consumer =>
                    consumer.Message<AnalyzeTrack>(message => message.UseFilter(new SourceBucketFilter<AnalyzeTrack>(sourceBucket, m => m.Source.Bucket))))
                .Endpoint(endpoint => endpoint.Name = QueueName);
            bus.AddConsumer<AlbumAggregationConsumer, AlbumAggregationConsumerDefinition>(consumer =>
                {
                    consumer.Message<TrackAnalyzed>(message => message.UseFilter(new SourceBucketFilter<TrackAnalyzed>(sourceBucket, m => m.Source.Bucket)));
                    consumer.Message<TrackFailed>(message => message.UseFilter(new SourceBucketFilter<TrackFailed>(sourceBucket, m => m.Source.Bucket)));
                })
                .Endpoint(endpoint => endpoint.Name = AlbumQueueName);
        });
        Host = builder.Build();
    }

    public string SourceBucket { get; }

    public string QueueName { get; }

    public string AlbumQueueName { get; }

    public IHost Host { get; }

    /// <summary>How many times this worker opened each source object of <see cref="SourceBucket"/> (by key).</summary>
    public ConcurrentDictionary<string, int> SourceReads { get; } = new(StringComparer.Ordinal);

    private void CountSourceReads(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IObjectStore));
        services.Remove(registered);
        services.AddSingleton<IObjectStore>(sp => new CountingObjectStore(
            registered.ImplementationType is { } type
                ? (IObjectStore)ActivatorUtilities.CreateInstance(sp, type)
                : registered.ImplementationFactory is { } factory ? (IObjectStore)factory(sp) : (IObjectStore)registered.ImplementationInstance!,
            this));
    }

    /// <summary>Passes on the messages about one source bucket; the others are not consumed here.</summary>
    private sealed class SourceBucketFilter<T>(string bucket, Func<T, string> bucketOf) : IFilter<ConsumeContext<T>>
        where T : class
    {
        public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next) =>
            string.Equals(bucketOf(context.Message), bucket, StringComparison.Ordinal) ? next.Send(context) : Task.CompletedTask;

        public void Probe(ProbeContext context) => context.CreateFilterScope("source-bucket");
    }

    private sealed class CountingObjectStore(IObjectStore inner, InProcessWorker worker) : IObjectStore
    {
        public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) => inner.HeadAsync(bucket, key, cancellationToken);

        public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            if (string.Equals(bucket, worker.SourceBucket, StringComparison.Ordinal))
            {
                worker.SourceReads.AddOrUpdate(key, 1, (_, n) => n + 1);
            }

            return inner.OpenReadAsync(bucket, key, cancellationToken);
        }

        public Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken) =>
            inner.PutAsync(bucket, key, content, contentType, cancellationToken);

        public IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
            inner.ListAsync(bucket, prefix, cancellationToken);
    }
}
