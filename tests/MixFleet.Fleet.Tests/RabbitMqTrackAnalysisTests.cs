using MixFleet.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.Analysis;
using MixFleet.Contracts;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tests.Support;

namespace MixFleet.Fleet.Tests;

/// <summary>
/// The worker's wiring over a real RabbitMQ broker and PostgreSQL on loopback (started by scripts/test.sh, which
/// exports MIXFLEET_RABBITMQ and MIXFLEET_POSTGRES); storage is the in-memory store. Commands are sent to the worker's
/// queue by address, as the job store's outbox sends them, on a queue prefix of this run's own.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RabbitMqTrackAnalysisTests
{
    private const string Album = "label/artist/album/";
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AnalyzeTrack_sent_to_the_prefixed_queue_publishes_TrackAnalyzed_and_TrackFailed_with_their_reports()
    {
        var store = new InMemoryObjectStore();
        var goodKey = Album + "01 - sine.wav";
        var corruptKey = Album + "02 - corrupt.wav";
        store.Put(UseCases.AudioBucket, goodKey, Wav.Sine(-23, seconds: 3));
        store.Put(UseCases.AudioBucket, corruptKey, Wav.Corrupt());
        var received = new OutcomeConsumer.Received();
        var prefix = RabbitMqWorker.NewQueuePrefix();
        var queue = prefix + QueueNames.AnalyzeTrack;

        try
        {
            using var host = BuildWorker(store, prefix, received);
            using (var starting = new CancellationTokenSource(_timeout))
            {
                await host.StartAsync(starting.Token);
            }

            try
            {
                var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri("queue:" + queue));
                var jobId = Guid.NewGuid();
                await endpoint.Send(Command(jobId, goodKey));
                await endpoint.Send(Command(jobId, corruptKey));

                var analyzed = Assert.IsType<TrackAnalyzed>(await received.Of(jobId, goodKey).Task.WaitAsync(_timeout));
                Assert.Equal("reports/tracks/audio/" + goodKey + ".json", analyzed.ReportKey);
                Assert.Equal(AnalyzerVersion.Current, analyzed.AnalyzerVersion);
                Assert.Equal(Album, analyzed.AlbumKey);
                Assert.False(analyzed.Reused);
                // The command carried no ETag: the event says which content was measured, the stored object's.
                Assert.Null(analyzed.Source.ETag);
                var goodETag = await ETagAsync(store, goodKey);
                Assert.Equal(goodETag, analyzed.AnalyzedETag);
                var report = StoredReports.Read(store, analyzed.ReportKey);
                Assert.Equal(goodETag, report.Source.ETag);
                Assert.InRange(report.Track.Loudness!.IntegratedLufs!.Value, -23.1, -22.9);

                var failed = Assert.IsType<TrackFailed>(await received.Of(jobId, corruptKey).Task.WaitAsync(_timeout));
                Assert.Equal("invalid-header", failed.ErrorCode);
                Assert.Equal(await ETagAsync(store, corruptKey), failed.AnalyzedETag);
                Assert.Equal("invalid-header", StoredReports.Read(store, failed.ReportKey).Track.Error!.Code);

                // The same object again (same ETag): the report is reused, and says which content it was measured from.
                var again = Guid.NewGuid();
                await endpoint.Send(Command(again, goodKey));
                var reused = Assert.IsType<TrackAnalyzed>(await received.Of(again, goodKey).Task.WaitAsync(_timeout));
                Assert.True(reused.Reused);
                Assert.Equal(goodETag, reused.AnalyzedETag);
                // Read once for the analysis and once per codec of the preview the streaming profile asks for; not again.
                Assert.Equal(3, store.Reads[goodKey]);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            await RabbitMqWorker.DeleteQueuesAsync(queue);
        }
    }

    [Fact]
    public async Task AnalyzeTrack_of_an_apple_job_stores_the_codec_preview_in_the_track_report()
    {
        var store = new InMemoryObjectStore();
        var key = Album + "01 - sine.wav";
        store.Put(UseCases.AudioBucket, key, Wav.Sine(-6, seconds: 3, sampleRate: 44_100));
        var received = new OutcomeConsumer.Received();
        var prefix = RabbitMqWorker.NewQueuePrefix();
        var queue = prefix + QueueNames.AnalyzeTrack;

        try
        {
            using var host = BuildWorker(store, prefix, received);
            using (var starting = new CancellationTokenSource(_timeout))
            {
                await host.StartAsync(starting.Token);
            }

            try
            {
                var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri("queue:" + queue));
                var jobId = Guid.NewGuid();
                await endpoint.Send(Command(jobId, key) with { Profile = "apple" });

                var analyzed = Assert.IsType<TrackAnalyzed>(await received.Of(jobId, key).Task.WaitAsync(_timeout));
                var track = StoredReports.Read(store, analyzed.ReportKey).Track;
                var source = track.Peaks!.TruePeakDbtp!.Value;
                Assert.Equal(-6.0, source, 0.05);
                Assert.Collection(
                    track.CodecPreview!,
                    aac => Assert.Equal(("aac", 256, 44_100), (aac.Codec, aac.BitrateKbps, aac.SampleRate!.Value)),
                    opus => Assert.Equal(("opus", 160, 48_000), (opus.Codec, opus.BitrateKbps, opus.SampleRate!.Value)));
                // A -6 dBFS sine survives both encodes within half a dB and never reaches the -1 dBTP ceiling.
                Assert.All(track.CodecPreview!, c => Assert.InRange(c.TruePeakDbtp!.Value, source - 0.5, source + 0.5));
                Assert.All(track.CodecPreview!, c => Assert.Equal(0, c.Overs));
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            await RabbitMqWorker.DeleteQueuesAsync(queue);
        }
    }

    private static IHost BuildWorker(InMemoryObjectStore store, string prefix, OutcomeConsumer.Received received) =>
        RabbitMqWorker.Build(store, prefix, services => services.AddSingleton(received), bus =>
        {
            bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>();
            // A temporary, auto-deleted queue of this test's own: nothing of it stays in the broker.
            bus.AddConsumer<OutcomeConsumer>().Endpoint(e =>
            {
                e.Temporary = true;
                e.InstanceId = Guid.NewGuid().ToString("N");
            });
        });

    private static async Task<string> ETagAsync(InMemoryObjectStore store, string key) =>
        (await store.HeadAsync(UseCases.AudioBucket, key, CancellationToken.None))?.ETag ?? throw new Xunit.Sdk.XunitException($"no object at {key}");

    private static AnalyzeTrack Command(Guid jobId, string key) => new()
    {
        JobId = jobId,
        Source = new ObjectRef { Bucket = UseCases.AudioBucket, Key = key },
        AlbumKey = Album,
        Profile = "streaming",
    };
}
