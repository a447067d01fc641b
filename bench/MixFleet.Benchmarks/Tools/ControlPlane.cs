using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MixFleet.Contracts;
using MixFleet.Contracts.V1;
using MixFleet.Jobs;
using MixFleet.Jobs.Store;
using MixFleet.ServiceDefaults;
using Npgsql;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// <c>control-plane [TRACKS] [TRACKS_PER_ALBUM] [HOSTS]</c> (bench/control-plane.sh): the control plane without the
/// analysis. One scan job of <c>TRACKS</c> tracks is recorded through the real store (pages of 1,000, as the listing
/// records them; every album sealed), then one <c>TrackAnalyzed</c> per track (one in 20 a <c>TrackFailed</c>) is
/// published to the real RabbitMQ with publisher confirms and waits in the settlement queue; then <c>HOSTS</c> hosts
/// with the settlement consumer, built as the worker builds it, drain it into the real PostgreSQL and claim each album's
/// aggregation, so settlement alone sets the pace. The claimed
/// <c>AggregateAlbum</c> commands wait in their queue (no consumer), where they are counted. The reports the events
/// point to are not read by settlement, so none is written.
/// </summary>
internal static class ControlPlane
{
    private const string Bucket = "mixfleet-control-plane";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var tracks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var perAlbum = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var hosts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var postgres = Environment.GetEnvironmentVariable("MIXFLEET_POSTGRES");
        if (!Uri.TryCreate(Environment.GetEnvironmentVariable("MIXFLEET_RABBITMQ"), UriKind.Absolute, out var broker) || string.IsNullOrWhiteSpace(postgres))
        {
            await Console.Error.WriteLineAsync("control-plane: set MIXFLEET_RABBITMQ and MIXFLEET_POSTGRES; bench/control-plane.sh does.");
            return 2;
        }

        var runId = Guid.NewGuid().ToString("N")[..8];
        var queuePrefix = $"control-{runId}-";
        var database = await BenchDatabase.CreateAsync(postgres, "control_" + runId);
        // A tool host (the job store and a bus without consumers) records the job and publishes the outcomes; the
        // settlement queue is declared and bound first by one settler started and stopped, so the outcomes wait in it.
        using var tool = BuildHost(broker, database, queuePrefix, settle: false);
        var settlers = new List<IHost>();
        try
        {
            await tool.StartAsync();
            using (var declare = BuildHost(broker, database, queuePrefix, settle: true))
            {
                await declare.StartAsync();
                await declare.StopAsync();
            }

            var jobId = NewId.NextGuid();
            var seed = Stopwatch.StartNew();
            var albums = await RecordJobAsync(tool.Services, jobId, tracks, perAlbum);
            var seeded = seed.Elapsed.TotalSeconds;

            var publish = Stopwatch.StartNew();
            await PublishOutcomesAsync(tool.Services.GetRequiredService<IBus>(), jobId, tracks, perAlbum);
            var published = publish.Elapsed.TotalSeconds;

            // The settlers drain the queue: settlement alone sets the pace.
            var clock = Stopwatch.StartNew();
            settlers.AddRange(Enumerable.Range(0, hosts).Select(_ => BuildHost(broker, database, queuePrefix, settle: true)));
            await Task.WhenAll(settlers.Select(h => h.StartAsync()));
            var samples = new List<(double Seconds, long Settled, long Claimed)>();
            while (true)
            {
                var (settled, claimed) = await ProgressAsync(database, jobId);
                samples.Add((clock.Elapsed.TotalSeconds, settled, claimed));
                if ((settled == tracks && claimed == albums) || clock.Elapsed > Timeout)
                {
                    break;
                }

                await Task.Delay(250);
            }

            var commands = await BenchQueues.MessagesAsync(broker, queuePrefix + QueueNames.AlbumAggregation);
            Print(tracks, albums, hosts, seeded, published, samples, commands);
            return samples[^1].Settled == tracks && samples[^1].Claimed == albums && commands == albums ? 0 : 1;
        }
        finally
        {
            foreach (var host in settlers.Append(tool))
            {
                await host.StopAsync();
                host.Dispose();
            }

            await BenchQueues.DeleteAsync(broker, new[] { QueueNames.AnalyzeTrack, QueueNames.AlbumAggregation, QueueNames.JobProgress, QueueNames.JobFaults, QueueNames.ScanPrefix }.Select(q => queuePrefix + q));
        }
    }

    private static IHost BuildHost(Uri broker, string database, string queuePrefix, bool settle)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MixFleet:RabbitMq:Uri"] = broker.ToString(),
            ["MixFleet:RabbitMq:QueuePrefix"] = queuePrefix,
            ["MixFleet:Postgres:ConnectionString"] = database,
        });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        // Started means consuming: the declaring host is stopped right after its start, and a bus still starting
        // then would begin consuming on a disposed container.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
        builder.AddJobStore();
        builder.AddMixFleetMessaging(bus =>
        {
            if (settle)
            {
                bus.AddSettlementConsumer();
            }
        });
        return builder.Build();
    }

    /// <summary>Records the job's listing page by page through the real store; returns the number of albums.</summary>
    private static async Task<int> RecordJobAsync(IServiceProvider services, Guid jobId, int tracks, int perAlbum)
    {
        var store = services.GetRequiredService<ScanJobStore>();
        await store.CreateAsync(jobId, Bucket, "", "streaming", DateTimeOffset.UtcNow, CancellationToken.None);
        const int pageSize = 1_000;
        var pages = (tracks + pageSize - 1) / pageSize;
        for (var page = 0; page < pages; page++)
        {
            var cursor = (await store.GetCursorAsync(jobId, CancellationToken.None))!;
            var objects = Enumerable.Range(page * pageSize, Math.Min(pageSize, tracks - (page * pageSize)))
                .Select(i => new ListedObject(KeyOf(i, perAlbum), ETagOf(i), 1_000)).ToList();
            await store.RecordPageAsync(cursor, page, objects, [], objects[^1].Key, page + 1 < pages ? $"token-{page + 1}" : null, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        // The outbox would send AnalyzeTrack for every row; here the outcomes are published directly instead.
        await using var dispatched = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("update objects set dispatched_at = now() where dispatched_at is null");
        await dispatched.ExecuteNonQueryAsync();
        return (tracks + perAlbum - 1) / perAlbum;
    }

    private static async Task PublishOutcomesAsync(IBus bus, Guid jobId, int tracks, int perAlbum)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, tracks), new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, ct) =>
        {
            var key = KeyOf(i, perAlbum);
            var source = new ObjectRef { Bucket = Bucket, Key = key, ETag = ETagOf(i), Size = 1_000 };
            var album = key[..(key.LastIndexOf('/') + 1)];
            var reportKey = $"reports/tracks/{Bucket}/{key}.json";
            if (i % 20 == 19)
            {
                await bus.Publish(new TrackFailed
                {
                    JobId = jobId, Source = source, AlbumKey = album, Profile = "streaming", ReportKey = reportKey,
                    AnalyzedETag = source.ETag, ErrorCode = "invalid-header", ErrorMessage = "synthetic",
                }, ct);
            }
            else
            {
                await bus.Publish(new TrackAnalyzed
                {
                    JobId = jobId, Source = source, AlbumKey = album, Profile = "streaming", ReportKey = reportKey,
                    AnalyzerVersion = "bench", AnalyzedETag = source.ETag,
                }, ct);
            }
        });
    }

    private static string KeyOf(int track, int perAlbum) => $"label/artist {track / perAlbum / 100:0000}/album {track / perAlbum:000000}/{(track % perAlbum) + 1:00} - track.wav";

    private static string ETagOf(int track) => track.ToString("x32", CultureInfo.InvariantCulture);

    private static async Task<(long Settled, long Claimed)> ProgressAsync(string database, Guid jobId)
    {
        await using var c = new NpgsqlConnection(database);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select (select analyzed + failed from jobs where job_id = $1),
                   (select count(*) from job_albums where job_id = $1 and aggregation <> 'pending')
            """, c);
        command.Parameters.AddWithValue(jobId);
        await using var r = await command.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt32(0), r.GetInt64(1));
    }

    private static void Print(int tracks, int albums, int hosts, double seeded, double published, List<(double Seconds, long Settled, long Claimed)> samples, uint commands)
    {
        var last = samples[^1];
        var done = samples.First(s => s.Settled == last.Settled).Seconds;
        // Steady rate: between 10 % and 90 % of the settlements (start-up and the tail left out).
        var from = samples.First(s => s.Settled >= tracks / 10);
        var to = samples.First(s => s.Settled >= tracks * 9 / 10);
        var claimsDone = samples.First(s => s.Claimed == last.Claimed).Seconds;
        Console.WriteLine($"control-plane: one job of {tracks} tracks in {albums} albums, {hosts} settlement host(s), {Environment.ProcessorCount} core(s)");
        Console.WriteLine($"  listing recorded through the store: {seeded:0.0} s = {tracks / seeded:0} tracks/s");
        Console.WriteLine($"  {tracks} outcomes published (confirmed) before the settlers start, in {published:0.0} s = {tracks / published:0} messages/s");
        Console.WriteLine($"  settled {last.Settled}/{tracks} in {done:0.0} s = {last.Settled / done:0} settlements/s overall, {(to.Settled - from.Settled) / (to.Seconds - from.Seconds):0} settlements/s steady (10–90 %)");
        Console.WriteLine($"  albums claimed {last.Claimed}/{albums} in {claimsDone:0.0} s = {last.Claimed / claimsDone:0} claims/s; AggregateAlbum commands queued: {commands}");
    }
}
