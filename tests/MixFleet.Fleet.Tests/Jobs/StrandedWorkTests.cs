using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.Contracts;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tests.Support;
using MixFleet.Jobs;
using MixFleet.Jobs.Dispatch;
using MixFleet.Jobs.Store;
using MixFleet.Storage;
using MixFleet.Testing;

namespace MixFleet.Fleet.Tests.Jobs;

/// <summary>
/// A dependency that fails for longer than the worker's retries, on the real RabbitMQ and PostgreSQL: the command ends
/// in <c>analyze-track_error</c>, MassTransit publishes its fault, the control plane strands the track (the job's
/// <c>failedTransient</c>) and the job waits; a redrive after the outage analyzes it and the job completes, a give-up
/// completes the job with the track failed as <c>gave-up</c>. Nothing is lost, nothing is a verdict on the file.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StrandedWorkTests
{
    private const string Album = "label/artist/outage/";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_track_stranded_by_an_outage_is_counted_and_a_redrive_after_it_completes_the_job()
    {
        await using var run = await Run.StartAsync();
        var jobId = await run.ScanAsync();

        var stranded = await run.WaitForAsync(jobId, j => j.FailedTransient == 1 && j.Analyzed == 2, "one stranded track");
        Assert.Equal("running", stranded.State);
        Assert.Equal(0, stranded.Failed);
        Assert.Equal(0, stranded.AlbumsReported);
        Assert.Null(await run.Store.HeadAsync(UseCases.ReportsBucket, Run.FailingReport, CancellationToken.None));
        // MassTransit publishes the fault and moves the message to _error as two steps: the stranding may be seen first.
        Assert.Equal(1L, await run.WaitForErrorQueueDepthAsync(1));

        run.Outage = false;
        Assert.Equal(1, await run.Service<StrandedWork>().RedriveAsync(jobId, CancellationToken.None));
        run.Service<OutboxSignal>().Kick();

        var completed = await run.WaitForAsync(jobId, j => j.State == "completed", "the job to complete");
        Assert.Equal(3, completed.Analyzed);
        Assert.Equal(0, completed.Failed);
        Assert.Equal(0, completed.FailedTransient);
        Assert.Equal(1, completed.AlbumsReported);
        Assert.NotNull(await run.Store.HeadAsync(UseCases.ReportsBucket, Run.FailingReport, CancellationToken.None));
    }

    [Fact]
    public async Task Giving_a_stranded_track_up_completes_the_job_with_it_failed_as_gave_up()
    {
        await using var run = await Run.StartAsync();
        var jobId = await run.ScanAsync();
        await run.WaitForAsync(jobId, j => j.FailedTransient == 1 && j.Analyzed == 2, "one stranded track");

        var outcome = await run.Service<StrandedWork>().GiveUpAsync(jobId, CancellationToken.None);
        Assert.Equal(1, outcome.TracksSettled);
        await run.Service<MixFleet.Jobs.Messaging.AlbumClaimSender>().SendAsync(outcome.Claims, CancellationToken.None);

        var completed = await run.WaitForAsync(jobId, j => j.State == "completed", "the job to complete");
        Assert.Equal(2, completed.Analyzed);
        Assert.Equal(1, completed.Failed);
        Assert.Equal(0, completed.FailedTransient);
        Assert.Equal(1, completed.AlbumsReported);
        Assert.Equal(StrandedWork.GaveUpCode, await TestDatabase.ScalarAsync<string>(run.Database, $"select error_code from job_tracks where key = '{Run.FailingKey}'"));
    }

    /// <summary>A worker host with the control plane's maintenance pass, over a store whose reads of one key fail while <see cref="Outage"/> is set.</summary>
    private sealed class Run : IAsyncDisposable
    {
        public const string FailingKey = Album + "02 - b.wav";
        public static readonly string FailingReport = "reports/tracks/" + UseCases.AudioBucket + "/" + FailingKey + ".json";
        private readonly string _prefix = RabbitMqWorker.NewQueuePrefix();
        private IHost? _host;

        public InMemoryObjectStore Store { get; } = new();

        public bool Outage { get; set; } = true;

        public string Database => Service<IConfiguration>()["MixFleet:Postgres:ConnectionString"]!;

        public static async Task<Run> StartAsync()
        {
            var run = new Run();
            run.Store.Put(UseCases.AudioBucket, Album + "01 - a.wav", Wav.Sine(-20, seconds: 1));
            run.Store.Put(UseCases.AudioBucket, FailingKey, Wav.Sine(-21, seconds: 1));
            run.Store.Put(UseCases.AudioBucket, Album + "03 - c.wav", Wav.Sine(-22, seconds: 1));
            run._host = RabbitMqWorker.Build(run.Store, run._prefix,
                services =>
                {
                    services.AddSingleton<IObjectStore>(new FailingReads(run.Store, run));
                    services.AddHostedService<JobMaintenanceService>();
                },
                bus =>
                {
                    bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>();
                    bus.AddConsumer<AlbumAggregationConsumer, AlbumAggregationConsumerDefinition>();
                    bus.AddSettlementConsumer();
                },
                new Dictionary<string, string?>
                {
                    // Two quick retries, then the error queue: the outage outlasts them.
                    ["MixFleet:Worker:RetryLimit"] = "2",
                    ["MixFleet:Worker:RetryMaxInterval"] = "00:00:00.100",
                    ["MixFleet:Jobs:MaintenanceInterval"] = "00:00:00.200",
                    ["MixFleet:Jobs:StalledAfter"] = "00:00:03",
                });
            using var starting = new CancellationTokenSource(Timeout);
            await run._host.StartAsync(starting.Token);
            return run;
        }

        public T Service<T>()
            where T : notnull => _host!.Services.GetRequiredService<T>();

        /// <summary>Records a one-page scan of the album, as the listing does; the maintenance pass dispatches it.</summary>
        public async Task<Guid> ScanAsync()
        {
            var scans = Service<ScanJobStore>();
            var jobId = NewId.NextGuid();
            await scans.CreateAsync(jobId, UseCases.AudioBucket, Album, "streaming", DateTimeOffset.UtcNow, CancellationToken.None);
            var listed = new List<ListedObject>();
            await foreach (var o in Store.ListAsync(UseCases.AudioBucket, Album, CancellationToken.None))
            {
                listed.Add(new ListedObject(o.Key, o.ETag, o.Size));
            }

            var cursor = (await scans.GetCursorAsync(jobId, CancellationToken.None))!;
            await scans.RecordPageAsync(cursor, 0, listed, [], listed[^1].Key, nextToken: null, DateTimeOffset.UtcNow, CancellationToken.None);
            Service<OutboxSignal>().Kick();
            return jobId;
        }

        public async Task<JobSummary> WaitForAsync(Guid jobId, Func<JobSummary, bool> condition, string what)
        {
            var queries = Service<JobQueries>();
            using var deadline = new CancellationTokenSource(Timeout);
            while (true)
            {
                var job = (await queries.GetAsync(jobId, CancellationToken.None))!;
                if (condition(job))
                {
                    return job;
                }

                if (deadline.IsCancellationRequested)
                {
                    Assert.Fail($"Timed out after {Timeout.TotalSeconds:0} s waiting for {what}; the job: {job}");
                }

                await Task.Delay(100, CancellationToken.None);
            }
        }

        /// <summary>The depth of the worker's <c>_error</c> queue once it reaches <paramref name="expected"/> (or at the bound).</summary>
        public async Task<long> WaitForErrorQueueDepthAsync(long expected)
        {
            using var deadline = new CancellationTokenSource(Timeout);
            while (true)
            {
                var depth = await ErrorQueueDepthAsync();
                if (depth >= expected || deadline.IsCancellationRequested)
                {
                    return depth;
                }

                await Task.Delay(100, CancellationToken.None);
            }
        }

        private async Task<long> ErrorQueueDepthAsync()
        {
            var factory = new RabbitMQ.Client.ConnectionFactory { Uri = RabbitMqWorker.Broker() };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                return (await channel.QueueDeclarePassiveAsync(_prefix + QueueNames.AnalyzeTrack + "_error")).MessageCount;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return 0; // not declared yet: nothing moved there so far
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.StopAsync(CancellationToken.None);
                _host.Dispose();
            }

            await RabbitMqWorker.DeleteQueuesAsync(
                [.. new[] { QueueNames.AnalyzeTrack, QueueNames.AlbumAggregation, QueueNames.JobProgress, QueueNames.JobFaults }.Select(q => _prefix + q)]);
        }

        private sealed class FailingReads(InMemoryObjectStore inner, Run run) : IObjectStore
        {
            public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) => inner.HeadAsync(bucket, key, cancellationToken);

            public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken) =>
                run.Outage && key == FailingKey
                    ? throw new IOException("Connection refused (simulated S3 outage).")
                    : inner.OpenReadAsync(bucket, key, cancellationToken);

            public Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken) =>
                inner.PutAsync(bucket, key, content, contentType, cancellationToken);

            public IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) => inner.ListAsync(bucket, prefix, cancellationToken);
        }
    }
}
