using MixFleet.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Albums;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tests.Support;
using MixFleet.Reports.Json;

namespace MixFleet.Fleet.Tests.Albums;

/// <summary>Track analysis and album aggregation together over a real RabbitMQ broker on loopback; storage in memory.</summary>
[Trait("Category", "Integration")]
[Collection(RabbitMqWorker.Collection)]
public sealed class RabbitMqAlbumAggregationTests
{
    private const string Album = "label/artist/album-over-rabbitmq/";
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AnalyzeTrack_for_every_track_leads_to_AlbumReportReady_and_the_album_report()
    {
        var store = new InMemoryObjectStore();
        string[] keys = [Album + "01 - a.wav", Album + "02 - b.wav", Album + "03 - c.wav"];
        double[] levels = [-20, -23, -26];
        for (var i = 0; i < keys.Length; i++)
        {
            store.Put(UseCases.AudioBucket, keys[i], Wav.Sine(levels[i], seconds: 4));
        }

        var received = new AlbumReadyConsumer.Received();
        using var host = RabbitMqWorker.Build(store, services => services.AddSingleton(received), bus =>
        {
            bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>();
            bus.AddConsumer<AlbumAggregationConsumer, AlbumAggregationConsumerDefinition>();
            // A temporary, auto-deleted queue of this test's own: nothing of it stays in the broker.
            bus.AddConsumer<AlbumReadyConsumer>().Endpoint(e =>
            {
                e.Temporary = true;
                e.InstanceId = Guid.NewGuid().ToString("N");
            });
        });
        using (var starting = new CancellationTokenSource(_timeout))
        {
            await host.StartAsync(starting.Token);
        }

        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            var jobId = Guid.NewGuid();
            foreach (var key in keys)
            {
                await bus.Publish(new AnalyzeTrack
                {
                    JobId = jobId,
                    Source = new ObjectRef { Bucket = UseCases.AudioBucket, Key = key },
                    AlbumKey = Album,
                    Profile = "streaming",
                });
            }

            // At least one: tracks finishing together may each complete the album (same bytes, same event).
            var ready = await received.Of(jobId, Album).Task.WaitAsync(_timeout);

            Assert.Equal(UseCases.AudioBucket, ready.Bucket);
            Assert.Equal(AlbumReportKeys.Json(UseCases.AudioBucket, Album), ready.JsonKey);
            Assert.Equal(AlbumReportKeys.Csv(UseCases.AudioBucket, Album), ready.CsvKey);
            Assert.Equal(AlbumReportKeys.Html(UseCases.AudioBucket, Album), ready.HtmlKey);
            Assert.Contains(ready.Status, new[] { "pass", "warn", "fail" });
            var json = store.Get(UseCases.ReportsBucket, ready.JsonKey) ?? throw new Xunit.Sdk.XunitException("no album JSON");
            var document = ReportJson.Deserialize(System.Text.Encoding.UTF8.GetString(json))!;
            Assert.Equal(keys, document.Tracks.Select(t => t.Path));
            Assert.Equal(3, Assert.Single(document.Albums).Tracks.Count);
            Assert.NotNull(store.Get(UseCases.ReportsBucket, ready.CsvKey));
            Assert.NotNull(store.Get(UseCases.ReportsBucket, ready.HtmlKey));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
