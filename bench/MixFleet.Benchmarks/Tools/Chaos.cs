using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using MixFleet.Contracts;
using MixFleet.Contracts.Keys;
using MixFleet.Fleet.Tracks;
using MixFleet.Reports.Json;
using MixFleet.Storage.S3;
using Npgsql;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// <c>chaos TRACKS ALBUMS BROKER_OUTAGE_S S3_OUTAGE_S</c> (bench/chaos.sh): one scan job of <c>TRACKS</c> ten-second WAVs
/// in <c>ALBUMS</c> albums, run by the built services as processes (1 ingestion, 2 workers), while the parts and the
/// processes are broken one after the other, each when the job reaches a point where work is still pending:
/// the ingestion service killed -9 mid-listing (2 keys a page), a worker killed -9 three times, S3 frozen (SIGSTOP) for
/// <c>S3_OUTAGE_S</c>, RabbitMQ stopped for <c>BROKER_OUTAGE_S</c>, PostgreSQL restarted (immediate mode: a crash
/// and recovery). Every killed process is started again. Then it checks: 0 lost (every object has exactly one
/// current report, measured from its current ETag without error; every album one report), 0 stuck (the job
/// completes, nothing stranded), nothing in any <c>_error</c> queue; prints the timings; exit code 1 on a violation.
/// </summary>
internal static class Chaos
{
    private const string Token = "chaos-bench-token-0123456789abcdef";
    private const int Workers = 2;
    private const int ConcurrentTracks = 2;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var tracks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var albums = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var brokerOutage = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        var s3Outage = TimeSpan.FromSeconds(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 120);
        var runId = Guid.NewGuid().ToString("N")[..8];
        if (BenchFleet.FromEnvironment("chaos", runId, Token) is not { } fleet)
        {
            return 2;
        }

        using var s3 = S3ObjectStore.CreateClient(fleet.S3);
        var parts = new ChaosParts(Console.In, Console.Out);
        var logs = fleet.Logs;
        var source = "mixfleet-chaos-src-" + runId;
        var reports = "mixfleet-chaos-rep-" + runId;
        var queuePrefix = $"chaos-{runId}-";
        var database = await fleet.CreateDatabaseAsync("chaos_" + runId);
        await UploadAsync(s3, source, reports, tracks, albums);
        Console.WriteLine($"chaos: {tracks} ten-second WAVs in {albums} albums; 1 ingestion + {Workers} workers; broker outage {brokerOutage.TotalSeconds:0} s, "
            + $"S3 outage {s3Outage.TotalSeconds:0} s; logs in {logs}");

        var run = fleet.For(database, reports, queuePrefix, BenchFleet.FreePort(), new Dictionary<string, string>
        {
            ["MixFleet__Jobs__ScanPageSize"] = "2", // many pages: the ingestion kill lands mid-listing
        });
        var services = run.Start("start", Workers, ConcurrentTracks);
        using var http = new HttpClient { BaseAddress = run.IngestionUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var timeline = new List<string>();
        var clock = new Stopwatch();
        try
        {
            await run.WaitReadyAsync(http, Workers, services);
            using (var scan = await http.PostAsJsonAsync(new Uri("v1/scans", UriKind.Relative), new { bucket = source, prefix = "", profile = "streaming" }))
            {
                scan.EnsureSuccessStatusCode();
                clock.Start();
                var jobId = (await scan.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("jobId").GetGuid();
                var job = new JobWatch(database, jobId, tracks, clock, timeline);

                // Each break starts while work is pending (checked: a break after the last track proves nothing). The
                // outages freeze progress, so the kills made during them hit workers holding tracks mid-retry; a
                // killed process is started again at once, not waited for.
                var listing = await job.WaitAsync("listing under way", s => s.State == "listing" && s.PagesListed >= 2 || s.State != "listing");
                await job.BreakAsync($"kill -9 ingestion ({(listing.State == "listing" ? $"mid-listing, {listing.PagesListed} pages listed" : "the listing had already ended")}), restarted");
                Restart(services, services.Count - 1, () => run.StartIngestion("ingestion-2"));

                await job.WaitAsync("first tracks settled", s => s.Settled >= 1);
                await parts.StopS3Async();
                await job.BreakAsync($"S3 frozen (SIGSTOP: no answers) for {s3Outage.TotalSeconds:0} s");
                await Task.Delay(s3Outage / 2);
                await job.BreakAsync("kill -9 worker-1 (its tracks retrying against the S3 outage), restarted");
                Restart(services, 0, () => run.StartWorker("worker-1-2", 1, ConcurrentTracks));
                await Task.Delay(s3Outage / 2);
                await parts.StartS3Async();
                job.Note("S3 thawed");
                await job.WaitProgressAsync("progress after the S3 outage");

                // The broker outage freezes settlement (the job-progress consumers need the broker), so work is still
                // pending when it ends: PostgreSQL restarts and a worker is killed just as the held tracks' settlements
                // start to arrive.
                await parts.StopBrokerAsync();
                await job.BreakAsync($"RabbitMQ stopped for {brokerOutage.TotalSeconds:0} s");
                await Task.Delay(brokerOutage / 2);
                await job.BreakAsync("kill -9 worker-2 (during the broker outage), restarted");
                Restart(services, 1, () => run.StartWorker("worker-2-2", 2, ConcurrentTracks));
                await Task.Delay(brokerOutage / 2);
                await parts.StartBrokerAsync();
                job.Note("RabbitMQ started");
                await parts.RestartPostgresAsync();
                await job.BreakAsync("PostgreSQL restarted (immediate mode: crash recovery) as the broker came back");
                await job.BreakAsync("kill -9 worker-1 (third worker kill), restarted");
                Restart(services, 0, () => run.StartWorker("worker-1-3", 1, ConcurrentTracks));
                await job.WaitProgressAsync("progress after the broker outage and the PostgreSQL restart");

                var final = await job.WaitAsync("completed", s => s.State == "completed", TimeSpan.FromMinutes(30));
                if (job.BreaksAfterTheWork is { Count: > 0 } late)
                {
                    throw new InvalidOperationException($"the job had no work left when these happened, so they tested nothing: {string.Join(", ", late)}");
                }

                return await CheckAsync(s3, fleet.Broker, database, jobId, source, reports, queuePrefix, tracks, albums, final, timeline, clock);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            foreach (var line in timeline)
            {
                Console.WriteLine(line);
            }

            Console.WriteLine($"chaos: FAIL: {ex.Message} (logs in {logs})");
            return 1;
        }
        finally
        {
            foreach (var service in services)
            {
                service.Dispose();
            }

            await BenchQueues.DeleteAsync(fleet.Broker, new[] { QueueNames.AnalyzeTrack, QueueNames.AlbumAggregation, QueueNames.JobProgress, QueueNames.ScanPrefix, QueueNames.JobFaults }.Select(q => queuePrefix + q));
        }
    }

    private static void Restart(List<ServiceProcess> services, int index, Func<ServiceProcess> start)
    {
        services[index].Kill();
        services[index].Dispose();
        services[index] = start();
    }

    private static async Task<int> CheckAsync(IAmazonS3 s3, Uri broker, string database, Guid jobId, string source, string reports, string queuePrefix,
        int tracks, int albums, BenchJobStore.JobSnapshot final, List<string> timeline, Stopwatch clock)
    {
        var failures = new List<string>();
        if (final.Analyzed != tracks || final.Failed != 0 || final.FailedTransient != 0)
        {
            failures.Add($"job: {final.Analyzed} analyzed, {final.Failed} failed, {final.FailedTransient} stranded of {tracks}");
        }

        // 0 lost: every object has exactly one report, of its current content, without error.
        var objects = await BenchBucket.ETagsAsync(s3, source, "");
        var trackReports = await BenchBucket.KeysAsync(s3, reports, $"reports/tracks/{source}/");
        if (trackReports.Count != objects.Count)
        {
            failures.Add($"{trackReports.Count} track reports for {objects.Count} objects");
        }

        var wrong = 0;
        foreach (var (key, etag) in objects)
        {
            using var response = await s3.GetObjectAsync(reports, TrackReportKeys.For(source, key));
            var report = await JsonSerializer.DeserializeAsync<TrackReportDocument>(response.ResponseStream, ReportJson.Options);
            if (report is null || report.Source.ETag != etag || report.Track.Error is not null)
            {
                wrong++;
            }
        }

        if (wrong > 0)
        {
            failures.Add($"{wrong} track reports not measured from the object's current ETag, or with an error");
        }

        var albumReports = (await BenchBucket.KeysAsync(s3, reports, "reports/albums/")).Count(k => k.EndsWith("/album.json", StringComparison.Ordinal));
        var albumStats = await BenchJobStore.AlbumStatsAsync(database, jobId);
        if (albumReports != albums || final.AlbumsReported != albums || albumStats.Unwritten != 0)
        {
            failures.Add($"{albumReports} album.json in the bucket, {final.AlbumsReported} albums reported, {albumStats.Unwritten} unwritten; expected {albums}");
        }

        // Nothing dead-lettered.
        foreach (var queue in new[] { QueueNames.AnalyzeTrack, QueueNames.AlbumAggregation, QueueNames.JobProgress, QueueNames.ScanPrefix })
        {
            var errors = await BenchQueues.MessagesIfAnyAsync(broker, queuePrefix + queue + "_error");
            if (errors > 0)
            {
                failures.Add($"{errors} messages in {queuePrefix}{queue}_error");
            }
        }

        foreach (var line in timeline)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chaos: job {jobId:D} completed {clock.Elapsed.TotalSeconds:0.0} s after the 202: {final.Analyzed} analyzed, {final.Failed} failed, {final.FailedTransient} stranded; "
            + $"{trackReports.Count} track reports for {objects.Count} objects; {albumReports} album reports for {albums} albums "
            + $"(writes {(double)albumStats.Writes / albumStats.Albums:0.00} per album, max {albumStats.MaxWrites}; claims {(double)albumStats.Claims / albumStats.Albums:0.00}, max {albumStats.MaxClaims})"));
        Console.WriteLine(failures.Count == 0 ? "chaos: PASS: 0 lost, 0 stuck, nothing in _error" : "chaos: FAIL: " + string.Join("; ", failures));
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task UploadAsync(IAmazonS3 s3, string source, string reports, int tracks, int albums)
    {
        await s3.PutBucketAsync(source);
        await s3.PutBucketAsync(reports);
        var variants = Enumerable.Range(0, 4).Select(v => BenchWav.Sine(-14 - (2 * v), 10, channels: 1, sampleRate: 44_100)).ToArray();
        var perAlbum = (tracks + albums - 1) / albums;
        await Parallel.ForEachAsync(Enumerable.Range(0, tracks), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var content = new MemoryStream(variants[i % variants.Length], writable: false);
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = source,
                Key = $"label/album {i / perAlbum:000}/{(i % perAlbum) + 1:00} - track.wav",
                InputStream = content,
                UseChunkEncoding = false,
            }, ct);
        });
    }

    /// <summary>The job's progress, read from PostgreSQL (through its restart), and the timeline of what happened.</summary>
    private sealed class JobWatch(string database, Guid jobId, int tracks, Stopwatch clock, List<string> timeline)
    {
        private static readonly TimeSpan Bound = TimeSpan.FromMinutes(10);

        public int Tracks => tracks;

        private Snapshot _last = new("listing", 0, 0);

        public List<string> BreaksAfterTheWork { get; } = [];

        public void Note(string what) =>
            timeline.Add(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,7:0.0} s  {_last.Settled,5} settled  {what}"));

        /// <summary>Notes a break, and whether work was still pending when it happened.</summary>
        public async Task BreakAsync(string what)
        {
            await TryRefreshAsync();
            Note(what);
            if (_last.Settled >= tracks || _last.State == "completed")
            {
                BreaksAfterTheWork.Add(what);
            }
        }

        /// <summary>Polls until <paramref name="condition"/> holds; an unreachable database (its restart) is polled again.</summary>
        public async Task<BenchJobStore.JobSnapshot> WaitAsync(string what, Func<Snapshot, bool> condition, TimeSpan? bound = null)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                if (await TryRefreshAsync() is { } snapshot)
                {
                    if (condition(_last))
                    {
                        Note(what);
                        return snapshot;
                    }
                }

                if (waited.Elapsed > (bound ?? Bound))
                {
                    throw new TimeoutException($"'{what}' not reached within {(bound ?? Bound).TotalMinutes:0} min (at {_last})");
                }

                await Task.Delay(50);
            }
        }

        private async Task<BenchJobStore.JobSnapshot?> TryRefreshAsync()
        {
            try
            {
                var snapshot = await BenchJobStore.SnapshotAsync(database, jobId);
                _last = new Snapshot(snapshot.State, snapshot.PagesListed, snapshot.Analyzed + snapshot.Failed);
                return snapshot;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                return null; // PostgreSQL restarting: the caller polls again
            }
        }

        /// <summary>Waits for the next settled track: how long the fleet took to resume.</summary>
        public Task<BenchJobStore.JobSnapshot> WaitProgressAsync(string what)
        {
            var before = _last.Settled;
            return WaitAsync(what, s => s.Settled > before || s.State == "completed");
        }
    }

    internal sealed record Snapshot(string State, int PagesListed, int Settled);
}
