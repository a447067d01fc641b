using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.Fleet;
using MixFleet.Fleet.Messaging;
using MixFleet.Jobs;
using MixFleet.ServiceDefaults;
using MixFleet.Storage;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// The worker as services/MixFleet.Worker/Program.cs builds it (track analysis, the job store, the S3 store, MassTransit
/// over RabbitMQ with the analysis, aggregation and settlement consumers), in process, from in-memory configuration.
/// </summary>
/// <remarks>
/// Isolation on a shared broker: every queue of the run carries the run's <c>MixFleet:RabbitMq:QueuePrefix</c>
/// (<see cref="QueuePrefix"/>), and the run has a database of its own; published events (<c>TrackAnalyzed</c>, …) also
/// reach other runs' settlement queues, where they match no row and change nothing. Several workers built with the
/// same run id consume the same queues, as replicas of one deployment do. The store is wrapped to count, per worker,
/// how often each source object is opened (<see cref="SourceReads"/>: <see cref="FleetRun.ReadsPerAnalysis"/> opens are one
/// analysis); and how often each
/// report is written (<see cref="ReportWrites"/>, counted when the write starts).
/// </remarks>
internal sealed class InProcessWorker
{
    /// <param name="sourceBucket">The run's source bucket (reads of it are counted).</param>
    /// <param name="reportsBucket">The run's reports bucket.</param>
    /// <param name="runId">Names the run's queues; workers with the same id share them.</param>
    /// <param name="database">The run's job store.</param>
    /// <param name="concurrentTracks">The worker's <c>ConcurrentTracks</c> (also the prefetch count); null for the default (<c>Cores</c> = 2).</param>
    /// <param name="configureServices">Changes to the worker's services (a fault to inject), applied before the counting store wraps the object store.</param>
    public InProcessWorker(string sourceBucket, string reportsBucket, string runId, string database, int? concurrentTracks = null, Action<IServiceCollection>? configureServices = null)
    {
        SourceBucket = sourceBucket;
        QueuePrefix = QueuePrefixOf(runId);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = RealParts.Configuration();
        configuration["MixFleet:Reports:Bucket"] = reportsBucket;
        configuration["MixFleet:Worker:Cores"] = "2";
        configuration["MixFleet:Worker:ShutdownTimeout"] = "00:00:10";
        configuration["MixFleet:Postgres:ConnectionString"] = database;
        configuration["MixFleet:RabbitMq:QueuePrefix"] = QueuePrefix;
        if (concurrentTracks is { } concurrent)
        {
            configuration["MixFleet:Worker:ConcurrentTracks"] = concurrent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddTrackAnalysis();
        builder.AddObjectStore();
        configureServices?.Invoke(builder.Services);
        DelegatingObjectStore.Decorate(builder.Services, inner => new CountingObjectStore(inner, this));
        builder.AddMixFleetMessaging(bus =>
        {
            bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>();
            bus.AddConsumer<AlbumAggregationConsumer, AlbumAggregationConsumerDefinition>();
            bus.AddSettlementConsumer();
        });
        Host = builder.Build();
    }

    /// <summary>The queue prefix of a run.</summary>
    public static string QueuePrefixOf(string runId) => "e2e-" + runId + "-";

    public string SourceBucket { get; }

    public string QueuePrefix { get; }

    public IHost Host { get; }

    /// <summary>How many times this worker opened each source object of <see cref="SourceBucket"/> (by key).</summary>
    public ConcurrentDictionary<string, int> SourceReads { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times this worker started writing each report (by report key).</summary>
    public ConcurrentDictionary<string, int> ReportWrites { get; } = new(StringComparer.Ordinal);

    private sealed class CountingObjectStore(IObjectStore inner, InProcessWorker worker) : DelegatingObjectStore(inner)
    {
        public override Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            if (string.Equals(bucket, worker.SourceBucket, StringComparison.Ordinal))
            {
                worker.SourceReads.AddOrUpdate(key, 1, (_, n) => n + 1);
            }

            return Inner.OpenReadAsync(bucket, key, cancellationToken);
        }

        public override Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
        {
            worker.ReportWrites.AddOrUpdate(key, 1, (_, n) => n + 1);
            return Inner.PutAsync(bucket, key, content, contentType, cancellationToken);
        }
    }
}
