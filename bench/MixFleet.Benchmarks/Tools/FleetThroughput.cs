using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;
using MixFleet.Contracts;
using MixFleet.Contracts.V1;
using MixFleet.Fleet;
using MixFleet.Fleet.Messaging;
using MixFleet.ServiceDefaults;
using MixFleet.Storage;
using MixFleet.Storage.S3;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// <c>fleet-throughput [TRACKS] [SECONDS]</c> (bench/fleet-throughput.sh): the worker in process, as
/// services/MixFleet.Worker builds it, over the real S3-compatible server (<c>MIXFLEET_S3_ENDPOINT</c>), RabbitMQ
/// (<c>MIXFLEET_RABBITMQ</c>) and PostgreSQL (<c>MIXFLEET_POSTGRES</c>: the worker's job store, migrated at start), on
/// queues (a <c>MixFleet:RabbitMq:QueuePrefix</c> of its own per phase) and buckets of its own that it deletes
/// afterwards. Measures:
/// <list type="number">
/// <item>the analysis alone: each WAV decoded from memory and analyzed in this process, one at a time;</item>
/// <item>latency, one track in flight at a time: <c>AnalyzeTrack</c> sent to <c>queue:&lt;prefix&gt;analyze-track</c>
/// → <c>TrackAnalyzed</c> received (the worker publishes it right after writing the report); the per-track overhead is
/// latency minus analysis;</item>
/// <item>throughput: every track sent at once, first send → last <c>TrackAnalyzed</c>, with one worker host and with
/// two on the same queue (tracks/s and audio-seconds/s).</item>
/// </list>
/// The S3 event webhook and the job store's outbox (which send the commands in the fleet) are not included: the clock
/// starts at the send.
/// </summary>
internal static class FleetThroughput
{
    private const string Album = "bench/album/";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var tracks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var s3Url = Environment.GetEnvironmentVariable("MIXFLEET_S3_ENDPOINT");
        var brokerValue = Environment.GetEnvironmentVariable("MIXFLEET_RABBITMQ");
        var postgres = Environment.GetEnvironmentVariable("MIXFLEET_POSTGRES");
        if (string.IsNullOrWhiteSpace(s3Url) || !Uri.TryCreate(brokerValue, UriKind.Absolute, out var broker) || string.IsNullOrWhiteSpace(postgres))
        {
            await Console.Error.WriteLineAsync("fleet-throughput: set MIXFLEET_S3_ENDPOINT (http://127.0.0.1:PORT, keys S3RVER), MIXFLEET_RABBITMQ (amqp://guest:guest@127.0.0.1:5672/) "
                + "and MIXFLEET_POSTGRES (an Npgsql connection string: Host=…;Port=…;Username=…;Password=…;Database=…); bench/fleet-throughput.sh starts all three.");
            return 2;
        }

        var runId = Guid.NewGuid().ToString("N")[..10];
        var parts = new Parts(s3Url, broker, postgres, "mixfleet-bench-src-" + runId, "mixfleet-bench-rep-" + runId);
        var wav = BenchWav.Sine(-23, seconds, channels: 2);
        using var s3 = S3ObjectStore.CreateClient(parts.S3Options());
        await s3.PutBucketAsync(parts.SourceBucket);
        await s3.PutBucketAsync(parts.ReportsBucket);
        var queues = new List<string>();
        var events = new EventListener(parts, "mixfleet-bench-events-" + runId);
        try
        {
            await events.StartAsync();
            var analysis = await MeasureAnalysisAsync(wav, tracks);

            // Latency, one in flight (two warm-up tracks first: JIT, connections).
            var latencyPrefix = $"mixfleet-bench-{runId}-latency-";
            queues.Add(latencyPrefix + QueueNames.AnalyzeTrack);
            var latencies = new List<double>();
            var workers = await StartWorkersAsync(parts, latencyPrefix, 1);
            try
            {
                var keys = await UploadAsync(s3, parts, "latency", wav, tracks + 2);
                for (var i = 0; i < keys.Count; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await events.SendAndWaitAsync(latencyPrefix, [keys[i]]);
                    if (i >= 2)
                    {
                        latencies.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }
            finally
            {
                await StopAsync(workers);
            }

            var throughput = new List<(int Workers, double Seconds)>();
            foreach (var count in new[] { 1, 2 })
            {
                var prefix = $"mixfleet-bench-{runId}-x{count}-";
                queues.Add(prefix + QueueNames.AnalyzeTrack);
                workers = await StartWorkersAsync(parts, prefix, count);
                try
                {
                    await events.SendAndWaitAsync(prefix, await UploadAsync(s3, parts, $"warm-{count}", wav, 2 * count));
                    var keys = await UploadAsync(s3, parts, $"throughput-{count}", wav, tracks);
                    var clock = Stopwatch.StartNew();
                    await events.SendAndWaitAsync(prefix, keys);
                    throughput.Add((count, clock.Elapsed.TotalSeconds));
                }
                finally
                {
                    await StopAsync(workers);
                }
            }

            var cores = Environment.ProcessorCount;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet-throughput: {tracks} tracks × {seconds:0.#} s stereo 48 kHz 24-bit WAV ({wav.Length / 1024} KiB), {cores} core(s), worker Cores = {cores}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  analysis alone (in memory, one at a time): median {Stats.Median(analysis):0.0} ms, mean {analysis.Average():0.0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  send → TrackAnalyzed, one in flight:        median {Stats.Median(latencies):0.0} ms, mean {latencies.Average():0.0} ms, max {latencies.Max():0.0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  per-track overhead (median latency − median analysis): {Stats.Median(latencies) - Stats.Median(analysis):0.0} ms"));
            foreach (var (count, elapsed) in throughput)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  throughput, {count} worker host(s): {tracks} tracks in {elapsed:0.00} s = {tracks / elapsed:0.00} tracks/s, {tracks * seconds / elapsed:0.0} audio-s/s"));
            }

            return 0;
        }
        finally
        {
            await events.DisposeAsync();
            await BenchQueues.DeleteAsync(broker, queues);
            await DeleteBucketAsync(s3, parts.SourceBucket);
            await DeleteBucketAsync(s3, parts.ReportsBucket);
        }
    }

    private static async Task<List<double>> MeasureAnalysisAsync(byte[] wav, int count)
    {
        using var budget = new CpuBudget(Environment.ProcessorCount);
        var analyzer = new TrackAnalyzer(AnalysisOptions.Default, budget);
        var decoder = new AudioDecoder(new FfmpegDecoder());
        var times = new List<double>();
        for (var i = 0; i < count + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            using (var reader = decoder.Open(new MemoryStream(wav, writable: false), "track.wav"))
            {
                await analyzer.AnalyzeAsync(reader, progress: null, CancellationToken.None);
            }

            if (i >= 2)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static async Task<List<IHost>> StartWorkersAsync(Parts parts, string queuePrefix, int count)
    {
        var hosts = Enumerable.Range(0, count).Select(_ => BuildWorker(parts, queuePrefix)).ToList();
        await Task.WhenAll(hosts.Select(h => h.StartAsync()));
        return hosts;
    }

    private static async Task StopAsync(List<IHost> hosts)
    {
        await Task.WhenAll(hosts.Select(h => h.StopAsync()));
        foreach (var host in hosts)
        {
            host.Dispose();
        }
    }

    /// <summary>
    /// The worker as services/MixFleet.Worker/Program.cs builds it (its track consumer; no album aggregation or
    /// settlement: the bench's jobs are not in the job store), on queues of this run's own (<paramref name="queuePrefix"/>).
    /// </summary>
    private static IHost BuildWorker(Parts parts, string queuePrefix)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(parts.Configuration(queuePrefix));
        builder.AddTrackAnalysis();
        builder.AddObjectStore();
        builder.AddMixFleetMessaging(bus => bus
            .AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>(consumer =>
                consumer.Message<AnalyzeTrack>(message => message.UseFilter(new SourceBucketFilter(parts.SourceBucket)))));
        return builder.Build();
    }

    private static async Task<List<ObjectRef>> UploadAsync(IAmazonS3 s3, Parts parts, string folder, byte[] wav, int count)
    {
        var keys = new List<ObjectRef>();
        for (var i = 0; i < count; i++)
        {
            var key = $"{Album}{folder}/{i:000}.wav";
            using var content = new MemoryStream(wav, writable: false);
            var response = await s3.PutObjectAsync(new PutObjectRequest { BucketName = parts.SourceBucket, Key = key, InputStream = content, UseChunkEncoding = false });
            keys.Add(new ObjectRef { Bucket = parts.SourceBucket, Key = key, ETag = response.ETag.Trim('"'), Size = wav.Length });
        }

        return keys;
    }

    private static async Task DeleteBucketAsync(IAmazonS3 s3, string bucket)
    {
        string? token = null;
        do
        {
            var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = token });
            foreach (var o in listing.S3Objects ?? [])
            {
                await s3.DeleteObjectAsync(bucket, o.Key);
            }

            token = listing.IsTruncated == true ? listing.NextContinuationToken : null;
        }
        while (token is not null);

        await s3.DeleteBucketAsync(bucket);
    }

    private sealed record Parts(string S3Url, Uri Broker, string Postgres, string SourceBucket, string ReportsBucket)
    {
        public S3StorageOptions S3Options() => new()
        {
            ServiceUrl = S3Url,
            AccessKey = Environment.GetEnvironmentVariable("MIXFLEET_S3_ACCESS_KEY") ?? "S3RVER",
            SecretKey = Environment.GetEnvironmentVariable("MIXFLEET_S3_SECRET_KEY") ?? "S3RVER",
        };

        public (string User, string Password, string VirtualHost) Credentials()
        {
            var user = Broker.UserInfo.Split(':', 2);
            return (Uri.UnescapeDataString(user[0]), user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "",
                Broker.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(Broker.AbsolutePath[1..]));
        }

        public Dictionary<string, string?> Configuration(string queuePrefix)
        {
            var (user, password, virtualHost) = Credentials();
            var s3 = S3Options();
            return new Dictionary<string, string?>
            {
                ["MixFleet:Storage:Kind"] = "s3",
                ["MixFleet:S3:ServiceUrl"] = s3.ServiceUrl,
                ["MixFleet:S3:Region"] = "us-east-1",
                ["MixFleet:S3:AccessKey"] = s3.AccessKey,
                ["MixFleet:S3:SecretKey"] = s3.SecretKey,
                ["MixFleet:RabbitMq:Host"] = Broker.Host,
                ["MixFleet:RabbitMq:Port"] = (Broker.IsDefaultPort ? 5672 : Broker.Port).ToString(CultureInfo.InvariantCulture),
                ["MixFleet:RabbitMq:VirtualHost"] = virtualHost,
                ["MixFleet:RabbitMq:Username"] = user,
                ["MixFleet:RabbitMq:Password"] = password,
                ["MixFleet:RabbitMq:QueuePrefix"] = queuePrefix,
                ["MixFleet:Postgres:ConnectionString"] = Postgres,
                ["MixFleet:Reports:Bucket"] = ReportsBucket,
                ["MixFleet:Worker:ShutdownTimeout"] = "00:00:10",
            };
        }
    }

    /// <summary>
    /// Sends <c>AnalyzeTrack</c> to a worker queue and waits for the worker's event about each key (published; received
    /// on a non-durable queue of its own).
    /// </summary>
    private sealed class EventListener(Parts parts, string queue) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _done = new(StringComparer.Ordinal);
        private IBusControl? _bus;

        public async Task StartAsync()
        {
            var (user, password, virtualHost) = parts.Credentials();
            _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
            {
                rabbit.Host(parts.Broker.Host, (ushort)(parts.Broker.IsDefaultPort ? 5672 : parts.Broker.Port), virtualHost, host =>
                {
                    host.Username(user);
                    host.Password(password);
                });
                rabbit.ReceiveEndpoint(queue, endpoint =>
                {
                    endpoint.Durable = false;
                    endpoint.AutoDelete = true;
                    endpoint.Handler<TrackAnalyzed>(context => Done(context.Message.Source));
                    endpoint.Handler<TrackFailed>(context => Done(context.Message.Source));
                });
            });
            using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _bus.StartAsync(starting.Token);
        }

        /// <summary>Sends to <c>queue:&lt;queuePrefix&gt;analyze-track</c>, as the fleet's command sender does.</summary>
        public async Task SendAndWaitAsync(string queuePrefix, IReadOnlyList<ObjectRef> sources)
        {
            var waits = sources.Select(s => Of(s.Key).Task).ToList();
            var jobId = Guid.NewGuid();
            var endpoint = await _bus!.GetSendEndpoint(new Uri("queue:" + queuePrefix + QueueNames.AnalyzeTrack));
            await Task.WhenAll(sources.Select(s => endpoint.Send(new AnalyzeTrack { JobId = jobId, Source = s, AlbumKey = Album, Profile = "streaming" })));
            try
            {
                await Task.WhenAll(waits).WaitAsync(Timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{waits.Count(w => !w.IsCompleted)} of {waits.Count} tracks got no TrackAnalyzed/TrackFailed within "
                    + $"{Timeout.TotalMinutes:0} min: a worker fault (see the _error queue) or the broker went away (one another run started and stopped?).");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_bus is not null)
            {
                await _bus.StopAsync();
            }
        }

        private Task Done(ObjectRef source)
        {
            if (string.Equals(source.Bucket, parts.SourceBucket, StringComparison.Ordinal))
            {
                Of(source.Key).TrySetResult();
            }

            return Task.CompletedTask;
        }

        private TaskCompletionSource Of(string key) => _done.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private sealed class SourceBucketFilter(string bucket) : IFilter<ConsumeContext<AnalyzeTrack>>
    {
        public Task Send(ConsumeContext<AnalyzeTrack> context, IPipe<ConsumeContext<AnalyzeTrack>> next) =>
            string.Equals(context.Message.Source.Bucket, bucket, StringComparison.Ordinal) ? next.Send(context) : Task.CompletedTask;

        public void Probe(ProbeContext context) => context.CreateFilterScope("source-bucket");
    }
}
