using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using MixFleet.Contracts;
using MixFleet.Storage.S3;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// <c>catalog-scan [TRACKS] [ALBUMS] [WORKERS]</c> (bench/catalog-scan.sh): the fleet as deployed, one ingestion and
/// <c>WORKERS</c> worker processes (the built services, configured by environment variables) over the real
/// S3-compatible server, RabbitMQ and PostgreSQL, scanning a bucket of <c>TRACKS</c> one-second WAVs in <c>ALBUMS</c>
/// album folders. Two phases, each with a database, reports bucket and queue prefix of its own:
/// <list type="number">
/// <item><b>clean</b>: POST /v1/scans, then GET /v1/jobs/{id} every 100 ms until completed. Reports the time to the
/// 202, the listing and publish rate, the status latency p50/p99, end-to-end tracks/s, album-report writes per album
/// and each process's peak RSS.</item>
/// <item><b>kill</b>: the same scan; one second after the 202 every process gets SIGKILL; then all are restarted and
/// the job must complete with every track settled and every album report in the bucket.</item>
/// </list>
/// </summary>
internal static class CatalogScan
{
    private const string Token = "catalog-bench-token-0123456789";
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(60);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var tracks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var albums = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var runId = Guid.NewGuid().ToString("N")[..8];
        if (BenchFleet.FromEnvironment("catalog-scan", runId, Token) is not { } fleet)
        {
            return 2;
        }

        var broker = fleet.Broker;
        var logs = fleet.Logs;
        using var s3 = S3ObjectStore.CreateClient(fleet.S3);
        var source = "mixfleet-catalog-src-" + runId;
        var prefixes = new List<string>();
        try
        {
            var upload = await UploadCatalogAsync(s3, source, tracks, albums);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"catalog-scan: {tracks} one-second mono 44.1 kHz 24-bit WAVs ({upload.Bytes / tracks / 1024} KiB each) in {albums} albums, uploaded in {upload.Seconds:0.0} s; "
                + $"{workers} worker processes (Cores 1, ConcurrentTracks 8), {Environment.ProcessorCount} core(s); logs in {logs}"));

            var phases = new List<PhaseResult>();
            foreach (var kill in new[] { false, true })
            {
                var name = kill ? "kill" : "clean";
                prefixes.Add($"catalog-{runId}-{name}-");
                phases.Add(await RunPhaseAsync(fleet, s3, source, name, prefixes[^1], kill, tracks, albums, workers));
            }

            foreach (var phase in phases)
            {
                phase.Print();
            }

            return phases.All(p => p.Complete) ? 0 : 1;
        }
        finally
        {
            await BenchQueues.DeleteAsync(broker, prefixes.SelectMany(p => new[] { QueueNames.AnalyzeTrack, QueueNames.AlbumAggregation, QueueNames.JobProgress, QueueNames.ScanPrefix }.Select(q => p + q)));
        }
    }

    private static async Task<PhaseResult> RunPhaseAsync(BenchFleet fleet, IAmazonS3 s3, string source, string name, string queuePrefix, bool kill, int tracks, int albums, int workers)
    {
        var database = await fleet.CreateDatabaseAsync($"catalog_{queuePrefix.Replace('-', '_').TrimEnd('_')}");
        var reports = $"mixfleet-catalog-rep-{queuePrefix.TrimEnd('-')}";
        await s3.PutBucketAsync(reports);
        var run = fleet.For(database, reports, queuePrefix, BenchFleet.FreePort());
        var services = run.Start(name, workers, concurrentTracks: 8);
        using var http = new HttpClient { BaseAddress = run.IngestionUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var result = new PhaseResult(name, tracks, albums);
        try
        {
            await run.WaitReadyAsync(http, workers, services);
            // The first request of a fresh process pays for JIT and connection set-up: timed apart, on a prefix without audio.
            var cold = Stopwatch.StartNew();
            using (var warmUp = await http.PostAsJsonAsync(new Uri("v1/scans", UriKind.Relative), new { bucket = source, prefix = "warm-up/", profile = "streaming" }))
            {
                warmUp.EnsureSuccessStatusCode();
                result.ColdAcceptMs = cold.Elapsed.TotalMilliseconds;
            }

            var accept = Stopwatch.StartNew();
            using (var scan = await http.PostAsJsonAsync(new Uri("v1/scans", UriKind.Relative), new { bucket = source, prefix = "", profile = "streaming" }))
            {
                result.AcceptMs = accept.Elapsed.TotalMilliseconds;
                scan.EnsureSuccessStatusCode();
                result.JobId = (await scan.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("jobId").GetGuid();
            }

            var clock = Stopwatch.StartNew();
            if (kill)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                foreach (var service in services)
                {
                    service.Kill();
                }

                result.AtKill = await BenchJobStore.SnapshotAsync(database, result.JobId);
                foreach (var service in services)
                {
                    service.Dispose();
                }

                services = run.Start(name + "-restart", workers, concurrentTracks: 8);
                await run.WaitReadyAsync(http, workers, services);
                result.RestartSeconds = clock.Elapsed.TotalSeconds;
            }

            while (true)
            {
                var poll = Stopwatch.StartNew();
                using var response = await http.GetAsync(new Uri($"v1/jobs/{result.JobId:D}", UriKind.Relative));
                response.EnsureSuccessStatusCode();
                var job = await response.Content.ReadFromJsonAsync<JsonElement>(Web);
                result.StatusMs.Add(poll.Elapsed.TotalMilliseconds);
                var state = job.GetProperty("state").GetString();
                if (state != "listing" && result.ListingSeenEndedSeconds is null)
                {
                    result.ListingSeenEndedSeconds = clock.Elapsed.TotalSeconds;
                }

                if (state == "completed")
                {
                    result.CompletedSeconds = clock.Elapsed.TotalSeconds;
                    break;
                }

                if (clock.Elapsed > CompletionTimeout || services.Any(s => s.HasExited))
                {
                    Console.Error.WriteLine($"catalog-scan ({name}): not completed after {clock.Elapsed.TotalMinutes:0} min (or a service exited): {job}");
                    break;
                }

                await Task.Delay(100);
            }

            foreach (var service in services)
            {
                result.PeakRssMiB[service.Name] = service.PeakRssMiB();
            }

            result.Final = await BenchJobStore.SnapshotAsync(database, result.JobId);
            result.Albums = await BenchJobStore.AlbumStatsAsync(database, result.JobId);
            result.AlbumJsonInBucket = (await BenchBucket.KeysAsync(s3, reports, "reports/albums/")).Count(k => k.EndsWith("/album.json", StringComparison.Ordinal));
            return result;
        }
        finally
        {
            foreach (var service in services)
            {
                service.Dispose();
            }
        }
    }

    private static async Task<(long Bytes, double Seconds)> UploadCatalogAsync(IAmazonS3 s3, string bucket, int tracks, int albums)
    {
        await s3.PutBucketAsync(bucket);
        var variants = Enumerable.Range(0, 8).Select(v => BenchWav.Sine(-14 - (2 * v), 1, channels: 1, sampleRate: 44_100)).ToArray();
        var perAlbum = (tracks + albums - 1) / albums;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, tracks), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var wav = variants[i % variants.Length];
            using var content = new MemoryStream(wav, writable: false);
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = $"label/artist {i / perAlbum / 10:000}/album {i / perAlbum:0000}/{(i % perAlbum) + 1:00} - track.wav",
                InputStream = content,
                UseChunkEncoding = false,
            }, ct);
        });
        return (variants[0].LongLength * tracks, clock.Elapsed.TotalSeconds);
    }

    private sealed class PhaseResult(string name, int tracks, int albums)
    {
        public Guid JobId { get; set; }

        public double AcceptMs { get; set; }

        public double ColdAcceptMs { get; set; }

        public BenchJobStore.JobSnapshot? AtKill { get; set; }

        public double? RestartSeconds { get; set; }

        public double? ListingSeenEndedSeconds { get; set; }

        public double? CompletedSeconds { get; set; }

        public List<double> StatusMs { get; } = [];

        public Dictionary<string, double> PeakRssMiB { get; } = new(StringComparer.Ordinal);

        public BenchJobStore.JobSnapshot? Final { get; set; }

        public BenchJobStore.AlbumStats? Albums { get; set; }

        public int AlbumJsonInBucket { get; set; }

        public bool Complete => Final is { State: "completed" } f && f.Analyzed + f.Failed == tracks && f.AlbumsReported == albums && AlbumJsonInBucket == albums;

        public void Print()
        {
            var f = Final!;
            var a = Albums!;
            string[] lines =
            [
                $"[{name}] job {JobId:D}: {f.State}, {f.Analyzed} analyzed + {f.Failed} failed of {f.Total} listed (expected {tracks}); albums reported {f.AlbumsReported}/{f.AlbumsTotal}, album.json in the bucket {AlbumJsonInBucket} (expected {albums})",
                $"  POST /v1/scans → 202: {AcceptMs:0} ms (the process's first request, an empty prefix: {ColdAcceptMs:0} ms)",
                $"  listing recorded ({f.PagesListed} pages): {f.ListedSeconds:0.0} s = {f.Total / f.ListedSeconds:0} tracks/s; last AnalyzeTrack confirmed: {f.DispatchedSeconds:0.0} s = {f.Total / f.DispatchedSeconds:0} tracks/s",
                $"  completed: {f.CompletedSeconds:0.0} s after the job was created = {(f.Analyzed + f.Failed) / f.CompletedSeconds:0.0} tracks/s end to end",
                $"  GET /v1/jobs/{{id}} during the run: {StatusMs.Count} requests, p50 {Stats.Median(StatusMs):0.0} ms, p99 {Stats.Percentile(StatusMs, 99):0.0} ms, max {StatusMs.Max():0.0} ms",
                $"  album-report writes: {(double)a.Writes / a.Albums:0.000} per album (max {a.MaxWrites}, {a.Unwritten} unwritten); claims {(double)a.Claims / a.Albums:0.000} per album (max {a.MaxClaims})",
                $"  peak RSS: {string.Join(", ", PeakRssMiB.Select(p => $"{p.Key} {p.Value:0} MiB"))}",
            ];
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }
            if (AtKill is { } k)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  at the kill (1 s after the 202): {k.State}, {k.PagesListed} pages listed, {k.Total} tracks recorded, {k.Dispatched} AnalyzeTrack confirmed, {k.Analyzed + k.Failed} settled, {k.AlbumsReported} albums reported; restarted and ready {RestartSeconds:0.0} s after the 202"));
            }
        }
    }
}
