using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using MixFleet.Contracts;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// <c>sqs-ingestion [EVENTS] [POLLERS]</c> (bench/sqs-ingestion.sh): the built ingestion service as deployed, its SQS
/// source on a queue of the real SQS-compatible server (fauxqs) already holding <c>EVENTS</c> S3 notifications (one
/// record each, raw envelope), over the real PostgreSQL (a database of the run's own) and RabbitMQ (a queue prefix of
/// the run's own, no worker). Measures how fast the events become confirmed <c>AnalyzeTrack</c> commands in RabbitMQ:
/// the time from the service's start to the first and to the last command in the queue (sampled every 50 ms), and
/// events/s overall and steady (10 %–90 %). Then checks the queue holds exactly <c>EVENTS</c> commands.
/// </summary>
internal static class SqsIngestion
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var pollers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        var sqsUrl = Environment.GetEnvironmentVariable("MIXFLEET_SQS_ENDPOINT");
        var postgres = Environment.GetEnvironmentVariable("MIXFLEET_POSTGRES");
        var ingestion = Environment.GetEnvironmentVariable("MIXFLEET_BENCH_INGESTION");
        if (string.IsNullOrWhiteSpace(sqsUrl) || !Uri.TryCreate(Environment.GetEnvironmentVariable("MIXFLEET_RABBITMQ"), UriKind.Absolute, out var broker)
            || string.IsNullOrWhiteSpace(postgres) || !File.Exists(ingestion))
        {
            await Console.Error.WriteLineAsync("sqs-ingestion: set MIXFLEET_SQS_ENDPOINT, MIXFLEET_RABBITMQ, MIXFLEET_POSTGRES and MIXFLEET_BENCH_INGESTION "
                + "(the built service assembly); bench/sqs-ingestion.sh does all of it.");
            return 2;
        }

        var runId = Guid.NewGuid().ToString("N")[..8];
        var prefix = $"sqsbench-{runId}-";
        var work = Directory.CreateTempSubdirectory("mixfleet-sqsbench-" + runId).FullName;
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials("bench", "bench"), new AmazonSQSConfig { ServiceURL = sqsUrl, AuthenticationRegion = "us-east-1" });
        var queueUrl = (await sqs.CreateQueueAsync("mixfleet-bench-" + runId)).QueueUrl;
        var databaseName = "mixfleet_sqsbench_" + runId;
        ServiceProcess? service = null;
        try
        {
            var fill = Stopwatch.StartNew();
            await FillAsync(sqs, queueUrl, events);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sqs-ingestion: {events} S3 notifications sent to {queueUrl} in {fill.Elapsed.TotalSeconds:0.0} s; {pollers} poller(s), {Environment.ProcessorCount} core(s); log in {work}"));

            var database = await BenchDatabase.CreateAsync(postgres!, databaseName);
            var env = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["MixFleet__Storage__Kind"] = "local",
                ["MixFleet__Storage__Local__RootPath"] = work,
                ["MixFleet__Reports__Bucket"] = "reports",
                ["MixFleet__RabbitMq__Uri"] = broker.ToString(),
                ["MixFleet__RabbitMq__QueuePrefix"] = prefix,
                ["MixFleet__Postgres__ConnectionString"] = database,
                ["MixFleet__Ingestion__WebhookToken"] = "sqs-bench-token-0123456789",
                ["MixFleet__Sqs__QueueUrls"] = queueUrl,
                ["MixFleet__Sqs__ServiceUrl"] = sqsUrl,
                ["MixFleet__Sqs__PollersPerQueue"] = pollers.ToString(CultureInfo.InvariantCulture),
                ["MixFleet__Sqs__WaitTime"] = "00:00:01",
                ["MixFleet__S3__AccessKey"] = "bench",
                ["MixFleet__S3__SecretKey"] = "bench",
            };
            var clock = Stopwatch.StartNew();
            service = ServiceProcess.Start("ingestion", ingestion!, env, Path.Combine(work, "ingestion.log"));
            var samples = await SampleAsync(broker, prefix + QueueNames.AnalyzeTrack, events, clock, service);
            if (samples is null)
            {
                return 1;
            }

            var first = samples.First(s => s.Count > 0).Seconds;
            var all = samples[^1].Seconds;
            var p10 = samples.First(s => s.Count >= events / 10).Seconds;
            var p90 = samples.First(s => s.Count >= events * 9 / 10).Seconds;
            var final = await BenchQueues.MessagesAsync(broker, prefix + QueueNames.AnalyzeTrack);
            var remaining = (await sqs.GetQueueAttributesAsync(queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sqs-ingestion: first AnalyzeTrack in RabbitMQ {first:0.00} s after the service's start (start-up included), all {events} at {all:0.00} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sqs-ingestion: {events / (all - first):0} events/s from the first to the last; steady (10–90 %) {events * 0.8 / (p90 - p10):0} events/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sqs-ingestion: AnalyzeTrack in the queue {final} (expected {events}); left in SQS {remaining.ApproximateNumberOfMessages + remaining.ApproximateNumberOfMessagesNotVisible}"));
            return final == events ? 0 : 1;
        }
        finally
        {
            service?.Dispose();
            await sqs.DeleteQueueAsync(queueUrl);
            await BenchDatabase.DropAsync(postgres!, databaseName);
            await BenchQueues.DeleteAsync(broker, [prefix + QueueNames.AnalyzeTrack, prefix + QueueNames.ScanPrefix]);
        }
    }

    private static async Task FillAsync(AmazonSQSClient sqs, string queueUrl, int events)
    {
        var batches = Enumerable.Range(0, events).Chunk(10).Select(chunk => new SendMessageBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = [.. chunk.Select(i => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), Notification(i)))],
        });
        foreach (var group in batches.Chunk(16))
        {
            await Task.WhenAll(group.Select(b => sqs.SendMessageBatchAsync(b)));
        }
    }

    private static string Notification(int i) => JsonSerializer.Serialize(new
    {
        Records = new[]
        {
            new
            {
                eventVersion = "2.1",
                eventSource = "aws:s3",
                eventTime = "2026-11-26T10:15:30.123Z",
                eventName = "ObjectCreated:Put",
                s3 = new
                {
                    bucket = new { name = "bench-masters" },
                    @object = new { key = string.Create(CultureInfo.InvariantCulture, $"label/album+{i / 12:00000}/{i % 12:00}+-+track.wav"), size = 1_000_000 + i, eTag = i.ToString("x32", CultureInfo.InvariantCulture) },
                },
            },
        },
    });

    private static async Task<List<(double Seconds, uint Count)>?> SampleAsync(Uri broker, string queue, int events, Stopwatch clock, ServiceProcess service)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        var samples = new List<(double, uint)>();
        while (clock.Elapsed < Timeout)
        {
            if (service.HasExited)
            {
                await Console.Error.WriteLineAsync("sqs-ingestion: the ingestion service exited; see its log");
                return null;
            }

            await using var channel = await connection.CreateChannelAsync();
            uint count;
            try
            {
                count = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                count = 0;   // not declared yet
            }

            samples.Add((clock.Elapsed.TotalSeconds, count));
            if (count >= events)
            {
                return samples;
            }

            await Task.Delay(50);
        }

        await Console.Error.WriteLineAsync($"sqs-ingestion: only {samples[^1].Item2} of {events} commands after {Timeout}");
        return null;
    }
}
