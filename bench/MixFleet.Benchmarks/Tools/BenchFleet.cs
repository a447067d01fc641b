using System.Diagnostics;
using System.Globalization;
using System.Net;
using MixFleet.Contracts;
using MixFleet.Storage.S3;
using RabbitMQ.Client;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// The fleet's processes as a benchmark runs them: the built ingestion and worker services as child processes
/// (<see cref="ServiceProcess"/>), configured by environment variables as a deployment configures them, over the
/// S3-compatible server, broker and PostgreSQL they are given. One <see cref="Run"/> per phase: its database, reports
/// bucket and queue prefix.
/// </summary>
internal sealed class BenchFleet(S3StorageOptions s3, Uri broker, string postgres, string ingestion, string worker, string token, string logs)
{
    public Uri Broker => broker;

    public S3StorageOptions S3 => s3;

    public string Logs => logs;

    private string IngestionAssembly => ingestion;

    private string WorkerAssembly => worker;

    private string Token => token;

    /// <summary>
    /// The fleet the bench scripts describe in the environment: MIXFLEET_S3_ENDPOINT, MIXFLEET_RABBITMQ,
    /// MIXFLEET_POSTGRES and the built services MIXFLEET_BENCH_INGESTION / MIXFLEET_BENCH_WORKER; null (after saying
    /// what is missing on standard error) when one is not set. Process logs go to a new folder named after
    /// <paramref name="tool"/> and <paramref name="runId"/> in the temp directory.
    /// </summary>
    public static BenchFleet? FromEnvironment(string tool, string runId, string token)
    {
        var s3Url = Environment.GetEnvironmentVariable("MIXFLEET_S3_ENDPOINT");
        var postgres = Environment.GetEnvironmentVariable("MIXFLEET_POSTGRES");
        var ingestion = Environment.GetEnvironmentVariable("MIXFLEET_BENCH_INGESTION");
        var worker = Environment.GetEnvironmentVariable("MIXFLEET_BENCH_WORKER");
        if (string.IsNullOrWhiteSpace(s3Url) || !Uri.TryCreate(Environment.GetEnvironmentVariable("MIXFLEET_RABBITMQ"), UriKind.Absolute, out var broker)
            || string.IsNullOrWhiteSpace(postgres) || !File.Exists(ingestion) || !File.Exists(worker))
        {
            Console.Error.WriteLine($"{tool}: set MIXFLEET_S3_ENDPOINT, MIXFLEET_RABBITMQ, MIXFLEET_POSTGRES and MIXFLEET_BENCH_INGESTION / "
                + $"MIXFLEET_BENCH_WORKER (the built service assemblies); bench/{tool}.sh does all of it.");
            return null;
        }

        var logs = Path.Combine(Path.GetTempPath(), $"mixfleet-{tool}-{runId}");
        Directory.CreateDirectory(logs);
        var s3 = new S3StorageOptions
        {
            ServiceUrl = s3Url,
            AccessKey = Environment.GetEnvironmentVariable("MIXFLEET_S3_ACCESS_KEY") ?? "S3RVER",
            SecretKey = Environment.GetEnvironmentVariable("MIXFLEET_S3_SECRET_KEY") ?? "S3RVER",
        };
        return new BenchFleet(s3, broker, postgres, ingestion!, worker!, token, logs);
    }

    public Task<string> CreateDatabaseAsync(string name) => BenchDatabase.CreateAsync(postgres, name);

    /// <summary>The settings a phase's processes share, plus <paramref name="extra"/> (e.g. worker retry settings).</summary>
    public Run For(string database, string reports, string queuePrefix, int port, IReadOnlyDictionary<string, string>? extra = null)
    {
        var common = new Dictionary<string, string>
        {
            ["MixFleet__Storage__Kind"] = "s3",
            ["MixFleet__S3__ServiceUrl"] = s3.ServiceUrl!,
            ["MixFleet__S3__Region"] = "us-east-1",
            ["MixFleet__S3__AccessKey"] = s3.AccessKey!,
            ["MixFleet__S3__SecretKey"] = s3.SecretKey!,
            ["MixFleet__RabbitMq__Uri"] = broker.ToString(),
            ["MixFleet__RabbitMq__QueuePrefix"] = queuePrefix,
            ["MixFleet__Postgres__ConnectionString"] = database,
            ["MixFleet__Reports__Bucket"] = reports,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            common[key] = value;
        }

        return new Run(this, common, queuePrefix, port);
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One phase's processes: started, restarted, and waited on until ready.</summary>
    internal sealed class Run(BenchFleet fleet, Dictionary<string, string> common, string queuePrefix, int port)
    {
        public string QueuePrefix => queuePrefix;

        public Uri IngestionUrl { get; } = new($"http://127.0.0.1:{port}/");

        public ServiceProcess StartWorker(string phase, int index, int concurrentTracks)
        {
            var env = new Dictionary<string, string>(common)
            {
                ["MixFleet__Worker__Cores"] = "1",
                ["MixFleet__Worker__ConcurrentTracks"] = concurrentTracks.ToString(CultureInfo.InvariantCulture),
                ["MixFleet__Worker__ShutdownTimeout"] = "00:00:10",
                ["MixFleet__Worker__HealthPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            };
            return ServiceProcess.Start($"worker-{index}", fleet.WorkerAssembly, env, Path.Combine(fleet.Logs, $"{phase}-worker-{index}.log"));
        }

        public ServiceProcess StartIngestion(string phase)
        {
            var env = new Dictionary<string, string>(common)
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["MixFleet__Ingestion__WebhookToken"] = fleet.Token,
            };
            return ServiceProcess.Start("ingestion", fleet.IngestionAssembly, env, Path.Combine(fleet.Logs, $"{phase}-ingestion.log"));
        }

        /// <summary><paramref name="workers"/> workers (Cores 1 each) and one ingestion service.</summary>
        public List<ServiceProcess> Start(string phase, int workers, int concurrentTracks)
        {
            var services = Enumerable.Range(1, workers).Select(w => StartWorker(phase, w, concurrentTracks)).ToList();
            services.Add(StartIngestion(phase));
            return services;
        }

        /// <summary>Ingestion ready (/health/ready 200) and <paramref name="workers"/> workers consuming their queues.</summary>
        public async Task WaitReadyAsync(HttpClient http, int workers, IReadOnlyList<ServiceProcess> services, TimeSpan? bound = null)
        {
            var factory = new ConnectionFactory { Uri = fleet.Broker };
            await using var connection = await factory.CreateConnectionAsync();
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var ready = false;
                try
                {
                    using var health = await http.GetAsync(new Uri(IngestionUrl, "health/ready"));
                    ready = health.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                if (ready && await BenchQueues.ConsumersAsync(connection, queuePrefix + QueueNames.AnalyzeTrack) >= workers
                    && await BenchQueues.ConsumersAsync(connection, queuePrefix + QueueNames.JobProgress) >= workers)
                {
                    return;
                }

                if (clock.Elapsed > (bound ?? TimeSpan.FromMinutes(2)) || services.Any(s => s.HasExited))
                {
                    throw new InvalidOperationException($"The fleet did not become ready (logs in {fleet.Logs}).");
                }

                await Task.Delay(200);
            }
        }
    }
}
