using MixFleet.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.Analysis;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tests.Support;

namespace MixFleet.Fleet.Tests;

/// <summary>
/// The worker's wiring over a real RabbitMQ broker on loopback (started by scripts/test.sh, which exports
/// MIXFLEET_RABBITMQ); storage is the in-memory store.
/// </summary>
[Trait("Category", "Integration")]
[Collection(RabbitMqWorker.Collection)]
public sealed class RabbitMqTrackAnalysisTests
{
    private const string Album = "label/artist/album/";
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AnalyzeTrack_over_RabbitMQ_publishes_TrackAnalyzed_and_TrackFailed_with_their_reports()
    {
        var store = new InMemoryObjectStore();
        var goodKey = Album + "01 - sine.wav";
        var corruptKey = Album + "02 - corrupt.wav";
        store.Put(UseCases.AudioBucket, goodKey, Wav.Sine(-23, seconds: 3));
        store.Put(UseCases.AudioBucket, corruptKey, Wav.Corrupt());
        var received = new OutcomeConsumer.Received();

        using var host = BuildWorker(store, received);
        using (var starting = new CancellationTokenSource(_timeout))
        {
            await host.StartAsync(starting.Token);
        }

        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            var jobId = Guid.NewGuid();
            await bus.Publish(Command(jobId, goodKey));
            await bus.Publish(Command(jobId, corruptKey));

            var analyzed = Assert.IsType<TrackAnalyzed>(await received.Of(jobId, goodKey).Task.WaitAsync(_timeout));
            Assert.Equal("reports/tracks/audio/" + goodKey + ".json", analyzed.ReportKey);
            Assert.Equal(AnalyzerVersion.Current, analyzed.AnalyzerVersion);
            Assert.Equal(Album, analyzed.AlbumKey);
            Assert.False(analyzed.Reused);
            Assert.InRange(StoredReports.Read(store, analyzed.ReportKey).Track.Loudness!.IntegratedLufs!.Value, -23.1, -22.9);

            var failed = Assert.IsType<TrackFailed>(await received.Of(jobId, corruptKey).Task.WaitAsync(_timeout));
            Assert.Equal("invalid-header", failed.ErrorCode);
            Assert.Equal("invalid-header", StoredReports.Read(store, failed.ReportKey).Track.Error!.Code);

            // The same object again (same ETag): the report is reused.
            var again = Guid.NewGuid();
            await bus.Publish(Command(again, goodKey));
            Assert.True(Assert.IsType<TrackAnalyzed>(await received.Of(again, goodKey).Task.WaitAsync(_timeout)).Reused);
            Assert.Equal(1, store.Reads[goodKey]);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static IHost BuildWorker(InMemoryObjectStore store, OutcomeConsumer.Received received) =>
        RabbitMqWorker.Build(store, services => services.AddSingleton(received), bus =>
        {
            bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>();
            // A temporary, auto-deleted queue of this test's own: nothing of it stays in the broker.
            bus.AddConsumer<OutcomeConsumer>().Endpoint(e =>
            {
                e.Temporary = true;
                e.InstanceId = Guid.NewGuid().ToString("N");
            });
        });

    private static AnalyzeTrack Command(Guid jobId, string key) => new()
    {
        JobId = jobId,
        Source = new ObjectRef { Bucket = UseCases.AudioBucket, Key = key },
        AlbumKey = Album,
        Profile = "streaming",
    };
}
