using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.Analysis;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tests.Support;
using MixFleet.Storage;

namespace MixFleet.Fleet.Tests;

/// <summary>
/// The worker's wiring over a real RabbitMQ broker on loopback (started by scripts/test.sh, which exports
/// MIXFLEET_RABBITMQ); storage is the in-memory store.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RabbitMqTrackAnalysisTests
{
    private const string BrokerVariable = "MIXFLEET_RABBITMQ";
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

        using var host = BuildWorker(Broker(), store, received);
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

    private static IHost BuildWorker(Uri broker, InMemoryObjectStore store, OutcomeConsumer.Received received)
    {
        var credentials = broker.UserInfo.Split(':', 2);
        var virtualHost = broker.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(broker.AbsolutePath[1..]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MixFleet:RabbitMq:Host"] = broker.Host,
            ["MixFleet:RabbitMq:Port"] = (broker.IsDefaultPort ? 5672 : broker.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MixFleet:RabbitMq:VirtualHost"] = virtualHost,
            ["MixFleet:RabbitMq:Username"] = Uri.UnescapeDataString(credentials[0]),
            ["MixFleet:RabbitMq:Password"] = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "",
            ["MixFleet:Worker:ReportsBucket"] = UseCases.ReportsBucket,
            ["MixFleet:Worker:Cores"] = "2",
            ["MixFleet:Worker:ShutdownTimeout"] = "00:00:10",
        });
        builder.Services.AddSingleton<IObjectStore>(store);
        builder.Services.AddSingleton(received);
        builder.AddTrackAnalysis();
        builder.AddMixFleetMessaging(bus =>
        {
            bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>();
            // A temporary, auto-deleted queue of this test's own: nothing of it stays in the broker.
            bus.AddConsumer<OutcomeConsumer>().Endpoint(e =>
            {
                e.Temporary = true;
                e.InstanceId = Guid.NewGuid().ToString("N");
            });
        });
        return builder.Build();
    }

    private static Uri Broker()
    {
        var value = Environment.GetEnvironmentVariable(BrokerVariable);
        Uri? uri = null;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out uri) || uri.Scheme != "amqp")
        {
            Assert.Fail($"{BrokerVariable} must name the RabbitMQ broker for the integration tests, e.g. amqp://guest:guest@127.0.0.1:5672/ "
                + "(scripts/test.sh starts one on loopback and sets it). Got: " + (string.IsNullOrWhiteSpace(value) ? "nothing" : "a value that is not an amqp:// URI"));
        }

        return uri!;
    }

    private static AnalyzeTrack Command(Guid jobId, string key) => new()
    {
        JobId = jobId,
        Source = new ObjectRef { Bucket = UseCases.AudioBucket, Key = key },
        AlbumKey = Album,
        Profile = "streaming",
    };
}
