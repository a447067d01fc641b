using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MixFleet.Contracts.V1;
using MixFleet.Fleet;
using MixFleet.Fleet.Messaging;
using MixFleet.Storage;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// The worker as services/MixFleet.Worker/Program.cs builds it (track analysis, the S3 store, MassTransit over RabbitMQ
/// with <see cref="AnalyzeTrackConsumer"/> and its definition), in process, from in-memory configuration.
/// </summary>
/// <remarks>
/// Isolation on a shared broker: the consumer listens on a queue of this run's own (<see cref="QueueName"/>) instead of
/// <c>analyze-track</c>, so a running worker or the Fleet tests' worker never takes this run's messages off it. The
/// <c>AnalyzeTrack</c> exchange is still shared, so this queue also receives copies of other publishers' commands; the
/// worker skips every command whose source bucket is not <see cref="SourceBucket"/> (each queue has its own copy, so
/// skipping ours costs the other consumer nothing). <see cref="BrokerCleanup"/> deletes the queue afterwards.
/// </remarks>
internal sealed class InProcessWorker
{
    public InProcessWorker(string sourceBucket, string reportsBucket, string runId)
    {
        SourceBucket = sourceBucket;
        QueueName = "mixfleet-e2e-analyze-track-" + runId;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = RealParts.Configuration();
        configuration["MixFleet:Reports:Bucket"] = reportsBucket;
        configuration["MixFleet:Worker:Cores"] = "2";
        configuration["MixFleet:Worker:ShutdownTimeout"] = "00:00:10";
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddTrackAnalysis();
        builder.AddObjectStore();
        builder.AddMixFleetMessaging(bus => bus
            .AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>(consumer =>
                consumer.Message<AnalyzeTrack>(message => message.UseFilter(new SourceBucketFilter(sourceBucket))))
            .Endpoint(endpoint => endpoint.Name = QueueName));
        Host = builder.Build();
    }

    public string SourceBucket { get; }

    public string QueueName { get; }

    public IHost Host { get; }

    /// <summary>Passes on the commands about one source bucket; the others are not consumed here.</summary>
    private sealed class SourceBucketFilter(string bucket) : IFilter<ConsumeContext<AnalyzeTrack>>
    {
        public Task Send(ConsumeContext<AnalyzeTrack> context, IPipe<ConsumeContext<AnalyzeTrack>> next) =>
            string.Equals(context.Message.Source.Bucket, bucket, StringComparison.Ordinal) ? next.Send(context) : Task.CompletedTask;

        public void Probe(ProbeContext context) => context.CreateFilterScope("source-bucket");
    }
}
