using MixFleet.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.Contracts.V1;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Telemetry;
using MixFleet.Fleet.Tests.Support;
using MixFleet.ServiceDefaults;
using MixFleet.Storage;

namespace MixFleet.Fleet.Tests.Telemetry;

/// <summary>
/// The consumer on MassTransit's in-memory harness with the in-memory store, observed through a MeterListener and an
/// ActivityListener (no exporter). Measurements are kept only from this host's meter factory, spans only for this
/// test's object key, so tests running in parallel do not mix. The worker host needs the real PostgreSQL of the job
/// store (MIXFLEET_POSTGRES, set by scripts/test.sh): its schema is migrated at start.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WorkerTelemetryTests
{
    private const string Album = "label/artist/album/";

    [Fact]
    public async Task An_analyzed_track_counts_once_with_its_audio_seconds_and_has_a_span_per_stage()
    {
        var key = Album + Guid.NewGuid().ToString("N") + ".wav";
        var store = new InMemoryObjectStore();
        store.Put(UseCases.AudioBucket, key, Wav.Sine(-23, seconds: 2));

        await using var run = await Run.StartAsync(store, key);

        Assert.True(await run.Harness.Published.Any<TrackAnalyzed>(x => x.Context.Message.Source.Key == key));
        Assert.Equal(1, run.Sum(WorkerTelemetry.TracksAnalyzedName));
        Assert.Equal(0, run.Sum(WorkerTelemetry.TracksFailedName));
        Assert.Equal(2.0, run.Sum(WorkerTelemetry.AudioAnalyzedName), precision: 6);
        Assert.Single(run.Measurements(WorkerTelemetry.AnalysisDurationName));
        Assert.Single(run.Measurements(WorkerTelemetry.QueueWaitName));
        Assert.All(run.AllMeasurements(), m => Assert.DoesNotContain(m.Tags, t => t.Value is string s && s.Contains(key, StringComparison.Ordinal)));

        var span = await run.ConsumerSpanAsync();
        Assert.Equal(["fetch", "decode-analyze", "write"], run.Children(span).Select(a => a.OperationName));
        Assert.Equal("analyzed", span.GetTagItem("mixfleet.outcome"));
    }

    [Fact]
    public async Task A_corrupt_track_counts_as_failed_with_its_error_code_as_reason()
    {
        var key = Album + Guid.NewGuid().ToString("N") + ".wav";
        var store = new InMemoryObjectStore();
        store.Put(UseCases.AudioBucket, key, Wav.Corrupt());

        await using var run = await Run.StartAsync(store, key);

        Assert.True(await run.Harness.Published.Any<TrackFailed>(x => x.Context.Message.Source.Key == key));
        Assert.Equal(0, run.Sum(WorkerTelemetry.TracksAnalyzedName));
        var failed = Assert.Single(run.Measurements(WorkerTelemetry.TracksFailedName));
        Assert.Equal(1, failed.Value);
        Assert.Equal("invalid-header", Assert.Single(failed.Tags, t => t.Key == "mixfleet.reason").Value);
        Assert.Empty(run.Measurements(WorkerTelemetry.AudioAnalyzedName));

        var span = await run.ConsumerSpanAsync();
        var stages = run.Children(span);
        Assert.Equal(["fetch", "decode-analyze", "write"], stages.Select(a => a.OperationName));
        Assert.Equal(ActivityStatusCode.Error, stages[1].Status);
    }

    private sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags);

    private sealed class Run : IAsyncDisposable
    {
        private readonly ConcurrentQueue<Measurement> _measurements = new();
        private readonly ConcurrentQueue<Activity> _activities = new();
        private readonly MeterListener _meters = new();
        private readonly ActivityListener _spans;
        private readonly IHost _host;
        private readonly string _key;

        private Run(IHost host, string key)
        {
            _host = host;
            _key = key;
            var factory = host.Services.GetRequiredService<IMeterFactory>();
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == WorkerTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue(new(i.Name, v, tags.ToArray())));
            _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue(new(i.Name, v, tags.ToArray())));
            _meters.Start();
            _spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name == WorkerTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _activities.Enqueue,
            };
            ActivitySource.AddActivityListener(_spans);
        }

        public ITestHarness Harness => _host.Services.GetRequiredService<ITestHarness>();

        public static async Task<Run> StartAsync(InMemoryObjectStore store, string key)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MixFleet:Reports:Bucket"] = UseCases.ReportsBucket,
                ["MixFleet:Worker:Cores"] = "2",
                // The job store's schema is migrated when the host starts.
                ["MixFleet:Postgres:ConnectionString"] = MixFleet.Testing.TestDatabase.Create(),
            });
            builder.Services.AddSingleton<IObjectStore>(store);
            builder.AddTrackAnalysis();
            builder.AddMixFleetTelemetry();
            builder.Services.AddMassTransitTestHarness(bus => bus.AddConsumer<AnalyzeTrackConsumer>());
            // Published.Any waits for a match or for the harness to see no activity: the analysis itself is silent
            // (no bus traffic) for longer than the default 1.2 s on a loaded machine, so the quiet spell allowed is long.
            builder.Services.Configure<TestHarnessOptions>(o => o.TestInactivityTimeout = TimeSpan.FromSeconds(30));
            var run = new Run(builder.Build(), key);
            await run._host.StartAsync();
            await run.Harness.Bus.Publish(new AnalyzeTrack
            {
                JobId = Guid.NewGuid(),
                Source = new ObjectRef { Bucket = UseCases.AudioBucket, Key = key },
                AlbumKey = Album,
                Profile = "streaming",
            });
            return run;
        }

        public List<Measurement> AllMeasurements() => [.. _measurements];

        public List<Measurement> Measurements(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

        public double Sum(string instrument) => Measurements(instrument).Sum(m => m.Value);

        public async Task<Activity> ConsumerSpanAsync()
        {
            // The span stops when Consume returns, just after the outcome is published.
            for (var i = 0; i < 100; i++)
            {
                var span = _activities.FirstOrDefault(a => a.OperationName == AnalyzeTrackConsumer.ActivityName && (a.GetTagItem("mixfleet.source.key") as string) == _key);
                if (span is not null)
                {
                    return span;
                }

                await Task.Delay(50);
            }

            throw new Xunit.Sdk.XunitException("no analyze-track span");
        }

        public List<Activity> Children(Activity parent) =>
            _activities.Where(a => a.ParentSpanId == parent.SpanId && a.TraceId == parent.TraceId).OrderBy(a => a.StartTimeUtc).ToList();

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
            _meters.Dispose();
            _spans.Dispose();
        }
    }
}
