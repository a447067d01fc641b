using MixFleet.Analysis.Loudness;
using MixFleet.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using MixFleet.Contracts.Keys;
using MixFleet.Fleet.Tracks;
using MixFleet.Reports;
using MixFleet.Integration.Tests.Support;
using MixFleet.Reports.Json;

namespace MixFleet.Integration.Tests;

/// <summary>
/// The fleet end to end on the real parts, all on loopback: s3rver (MIXFLEET_S3_ENDPOINT), RabbitMQ (MIXFLEET_RABBITMQ),
/// the ingestion service (WebApplicationFactory, real S3 store and real bus) and the worker as a real in-process host.
/// Every run uses buckets and a worker queue of its own and deletes them afterwards.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FleetEndToEndTests
{
    private const string Album = "label/artist/e2e album/";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task S3_event_through_ingestion_and_RabbitMQ_to_the_worker_writes_track_reports_to_S3()
    {
        await using var run = await FleetRun.StartAsync();
        var loud = await run.UploadAsync(Album + "01 - loud.wav", Wav.Sine(-20, seconds: 4));
        var quiet = await run.UploadAsync(Album + "02 - quiet.wav", Wav.Sine(-26, seconds: 4));
        var cover = await run.UploadAsync(Album + "cover.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 0xFF, 0xD9]);

        using var client = run.Ingestion.CreateAuthorizedClient();
        using var body = new StringContent(S3Event(run.SourceBucket, loud, quiet, cover), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var published = result.RootElement.GetProperty("published").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal([loud.Key, quiet.Key], published.Order(StringComparer.Ordinal));
        Assert.Equal(cover.Key, Assert.Single(result.RootElement.GetProperty("ignored").EnumerateArray()).GetProperty("key").GetString());

        var loudReport = await run.WaitForTrackReportAsync(loud.Key);
        var quietReport = await run.WaitForTrackReportAsync(quiet.Key);

        // EBU Tech 3341: a stereo 1 kHz sine at X dBFS peak in each channel reads X LUFS.
        Assert.InRange(loudReport.Track.Loudness!.IntegratedLufs!.Value, -20.1, -19.9);
        Assert.InRange(quietReport.Track.Loudness!.IntegratedLufs!.Value, -26.1, -25.9);
        Assert.Equal(loud.ETag, loudReport.Source.ETag);
        Assert.Equal(quiet.ETag, quietReport.Source.ETag);
        Assert.Equal(run.SourceBucket, loudReport.Source.Bucket);
        Assert.Equal(Album, loudReport.AlbumKey);
        Assert.Null(await run.TryReadReportAsync(TrackReportKeys.For(run.SourceBucket, cover.Key)));
    }

    [Fact]
    public async Task Scan_publishes_every_audio_object_and_the_job_counts_analyzed_and_failed_tracks()
    {
        await using var run = await FleetRun.StartAsync();
        await run.UploadAsync(Album + "01 - loud.wav", Wav.Sine(-20, seconds: 2));
        await run.UploadAsync(Album + "02 - quiet.wav", Wav.Sine(-26, seconds: 2));
        await run.UploadAsync(Album + "03 - corrupt.wav", Wav.Corrupt());
        await run.UploadAsync(Album + "cover.jpg", [0xFF, 0xD8, 0xFF, 0xD9]);

        using var client = run.Ingestion.CreateAuthorizedClient();
        using var scan = await client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = run.SourceBucket, prefix = Album, profile = "streaming" });
        Assert.Equal(HttpStatusCode.Accepted, scan.StatusCode);
        var jobId = (await scan.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("jobId").GetGuid();

        var status = await Poll<JsonElement>(async () =>
        {
            var job = await TryGetJobAsync(client, jobId);
            return job is { } j && j.GetProperty("state").GetString() == "completed" ? j : (JsonElement?)null;
        }, $"job {jobId:D} to complete");

        Assert.Equal(3, status.GetProperty("total").GetInt32());
        Assert.Equal(2, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.Equal("completed", status.GetProperty("state").GetString());
        var failed = await run.WaitForTrackReportAsync(Album + "03 - corrupt.wav");
        Assert.Equal("invalid-header", failed.Track.Error!.Code);
    }

    [Fact]
    public async Task S3_event_for_an_album_writes_every_track_report_and_the_album_report_with_pooled_block_loudness()
    {
        await using var run = await FleetRun.StartAsync();
        (string Name, double Level, double Seconds)[] tracks = [("01 - a.wav", -20, 3), ("02 - b.wav", -26, 4), ("03 - c.wav", -23, 5)];
        var uploaded = new List<Uploaded>();
        foreach (var (name, level, seconds) in tracks)
        {
            uploaded.Add(await run.UploadAsync(Album + name, Wav.Sine(level, seconds)));
        }

        using var client = run.Ingestion.CreateAuthorizedClient();
        using var body = new StringContent(S3Event(run.SourceBucket, [.. uploaded]), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var reports = new List<TrackReportDocument>();
        foreach (var track in uploaded)
        {
            reports.Add(await run.WaitForTrackReportAsync(track.Key));
        }

        var document = await run.WaitForAlbumReportAsync(Album);
        Assert.NotEmpty(await run.WaitForReportAsync($"reports/albums/{run.SourceBucket}/{Album}album.csv"));
        var html = await run.WaitForReportAsync($"reports/albums/{run.SourceBucket}/{Album}album.html");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);

        var album = Assert.Single(document.Albums);
        Assert.Equal(Album, album.Path);
        Assert.Equal(uploaded.Select(u => u.Key), document.Tracks.Select(t => t.Path));
        // Steady sines: every block passes both gates, so the album level is 10·log10 of the block-count-weighted mean
        // of 10^(L/10) over the nominal track levels (a stereo 1 kHz sine at X dBFS reads X LUFS).
        var blocks = reports.Select(r => (double)LoudnessHistogram.Decode(r.Blocks!.BlockHistogram).Count).ToList();
        Assert.Equal([27.0, 37.0, 47.0], blocks);   // (T − 0.4 s) / 0.1 s + 1
        var expected = 10 * Math.Log10(tracks.Zip(blocks, (t, n) => n * Math.Pow(10, t.Level / 10)).Sum() / blocks.Sum());
        Assert.InRange(album.Loudness.IntegratedLufs!.Value, expected - 0.05, expected + 0.05);
    }

    [Fact]
    public async Task Scan_of_three_albums_completes_its_job_and_the_corrupt_files_album_lists_the_error()
    {
        await using var run = await FleetRun.StartAsync();
        string[] albums = ["label/artist/first/", "label/artist/second/", "label/artist/third/"];
        double[] levels = [-18, -21, -24, -27];
        var corrupt = albums[1] + "05 - corrupt.wav";
        var uploads = new List<Task<Uploaded>>();
        for (var a = 0; a < albums.Length; a++)
        {
            for (var t = 1; t <= 11; t++)
            {
                var key = $"{albums[a]}{t:00} - track.wav";
                uploads.Add(key == albums[1] + "05 - track.wav"
                    ? run.UploadAsync(corrupt, Wav.Corrupt())
                    : run.UploadAsync(key, Wav.Sine(levels[(a + t) % levels.Length], seconds: 2)));
            }
        }

        await Task.WhenAll(uploads);

        using var client = run.Ingestion.CreateAuthorizedClient();
        using var scan = await client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = run.SourceBucket, prefix = "label/artist/", profile = "streaming" });
        Assert.Equal(HttpStatusCode.Accepted, scan.StatusCode);
        var jobId = (await scan.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("jobId").GetGuid();

        var status = await Poll(async () => await TryGetJobAsync(client, jobId) is { } job && job.GetProperty("state").GetString() == "completed" ? job : (JsonElement?)null,
            $"job {jobId:D} to complete");

        Assert.Equal(33, status.GetProperty("total").GetInt32());
        Assert.Equal(32, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());

        foreach (var albumKey in albums)
        {
            var document = await run.WaitForAlbumReportAsync(albumKey);
            Assert.Equal(11, Assert.Single(document.Albums).Tracks.Count);
        }

        var withError = await run.WaitForAlbumReportAsync(albums[1]);
        var listed = Assert.Single(Assert.Single(withError.Albums).Tracks, t => t.Path == corrupt);
        Assert.Equal("invalid-header", listed.ErrorCode);
        Assert.Null(listed.IntegratedLufs);
        Assert.Equal(10, Assert.Single(withError.Albums).Tracks.Count(t => t.IntegratedLufs is not null));
    }

    [Fact]
    public async Task Two_identical_scans_posted_together_analyze_every_track_once_and_both_complete()
    {
        await using var run = await FleetRun.StartAsync();
        var keys = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            keys.Add((await run.UploadAsync($"{Album}0{i} - t.wav", Wav.Sine(-20 - i, seconds: 1))).Key);
        }

        using var client = run.Ingestion.CreateAuthorizedClient();
        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = run.SourceBucket, prefix = Album })));
        var jobs = new List<Guid>();
        foreach (var post in posts)
        {
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
            jobs.Add((await post.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("jobId").GetGuid());
            post.Dispose();
        }

        foreach (var jobId in jobs)
        {
            var status = await Poll(async () => await TryGetJobAsync(client, jobId) is { } job && job.GetProperty("state").GetString() == "completed" ? job : (JsonElement?)null, $"job {jobId:D} to complete");
            Assert.Equal(6, status.GetProperty("analyzed").GetInt32());
            Assert.Equal(1, status.GetProperty("albumsReported").GetInt32());
        }

        // One analysis per object: the second job waited for the first's (or was answered by reusing its report).
        Assert.All(keys, key => Assert.Equal(1, run.Workers.Sum(w => w.SourceReads.GetValueOrDefault(key))));
    }

    [Fact]
    public async Task A_rescan_after_an_overwrite_analyzes_the_new_content_and_does_not_count_the_stale_report()
    {
        await using var run = await FleetRun.StartAsync();
        var key = (await run.UploadAsync(Album + "01 - song.wav", Wav.Sine(-20, seconds: 1))).Key;
        await run.UploadAsync(Album + "02 - song.wav", Wav.Sine(-22, seconds: 1));
        using var client = run.Ingestion.CreateAuthorizedClient();
        await ScanToCompletionAsync(client, run, Album);

        var overwritten = await run.UploadAsync(key, Wav.Sine(-30, seconds: 2));
        var second = await ScanToCompletionAsync(client, run, Album);

        Assert.Equal(2, second.GetProperty("analyzed").GetInt32());
        var report = await run.WaitForTrackReportAsync(key);
        Assert.Equal(overwritten.ETag.Trim('"'), report.Source.ETag);
        Assert.InRange(report.Track.Loudness!.IntegratedLufs!.Value, -30.1, -29.9);
        Assert.Equal(2, run.Workers.Sum(w => w.SourceReads.GetValueOrDefault(key)));
    }

    [Fact]
    public async Task A_scan_posted_before_any_worker_declared_its_queue_completes_once_a_worker_starts()
    {
        await using var run = await FleetRun.StartAsync(workers: 1, startWorkers: false);
        await run.UploadAsync(Album + "01 - song.wav", Wav.Sine(-20, seconds: 1));
        await BrokerCleanup.DeleteFleetQueuesAsync(run.QueuePrefix);
        using var client = run.Ingestion.CreateAuthorizedClient();
        using var scan = await client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = run.SourceBucket, prefix = Album });
        Assert.Equal(HttpStatusCode.Accepted, scan.StatusCode);
        var jobId = (await scan.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("jobId").GetGuid();
        // The command waits in the queue the ingestion declared by sending to it.
        await Poll(async () => await TryGetJobAsync(client, jobId) is { } job && job.GetProperty("state").GetString() == "running" ? job : (JsonElement?)null, "the listing to end");

        using (var starting = new CancellationTokenSource(StartTimeout))
        {
            await run.Workers[0].Host.StartAsync(starting.Token);
        }

        var status = await Poll(async () => await TryGetJobAsync(client, jobId) is { } job && job.GetProperty("state").GetString() == "completed" ? job : (JsonElement?)null, $"job {jobId:D} to complete");
        Assert.Equal(1, status.GetProperty("analyzed").GetInt32());
    }

    private static async Task<JsonElement> ScanToCompletionAsync(HttpClient client, FleetRun run, string prefix)
    {
        using var scan = await client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = run.SourceBucket, prefix });
        Assert.Equal(HttpStatusCode.Accepted, scan.StatusCode);
        var jobId = (await scan.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("jobId").GetGuid();
        return await Poll(async () => await TryGetJobAsync(client, jobId) is { } job && job.GetProperty("state").GetString() == "completed" ? job : (JsonElement?)null, $"job {jobId:D} to complete");
    }

    [Fact]
    public async Task The_webhook_without_the_token_or_with_a_wrong_one_is_401()
    {
        await using var ingestion = new RealIngestion("mixfleet-e2e-unused", TestDatabase.Create(), "e2e-unused-");
        using var client = ingestion.CreateClient();
        using var body = new StringContent(S3Event("mixfleet-e2e-unused", new Uploaded("a.wav", "0123", 1)), Encoding.UTF8, "application/json");

        using var anonymous = await client.PostAsync(new Uri("/v1/events/s3", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/events/s3", UriKind.Relative))
        {
            Content = new StringContent(S3Event("mixfleet-e2e-unused", new Uploaded("a.wav", "0123", 1)), Encoding.UTF8, "application/json"),
        };
        wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RealIngestion.Token + "x");
        using var wrongResponse = await client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
    }

    [Fact]
    public async Task Two_workers_on_one_queue_share_the_work_and_analyze_each_track_once()
    {
        // Prefetch 1 per worker: RabbitMQ hands the deliveries round-robin, so neither worker can take them all.
        await using var run = await FleetRun.StartAsync(workers: 2, concurrentTracks: 1);
        var keys = Enumerable.Range(1, 12).Select(i => $"{Album}{i:00} - track.wav").ToList();
        await Task.WhenAll(keys.Select((key, i) => run.UploadAsync(key, Wav.Sine(-20 - (i % 4), seconds: 2))));

        using var client = run.Ingestion.CreateAuthorizedClient();
        using var scan = await client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket = run.SourceBucket, prefix = Album, profile = "streaming" });
        Assert.Equal(HttpStatusCode.Accepted, scan.StatusCode);

        foreach (var key in keys)
        {
            Assert.Null((await run.WaitForTrackReportAsync(key)).Track.Error);
        }

        Assert.Equal(12, Assert.Single((await run.WaitForAlbumReportAsync(Album)).Albums).Tracks.Count);
        foreach (var key in keys)
        {
            Assert.Equal(1, run.Workers.Sum(w => w.SourceReads.GetValueOrDefault(key)));
        }

        Assert.All(run.Workers, w => Assert.NotEmpty(w.SourceReads));
    }

    /// <summary>An AWS S3 notification for the uploaded objects; keys URL-encoded as AWS does (space as '+').</summary>
    private static string S3Event(string bucket, params Uploaded[] objects)
    {
        var records = objects.Select(o => new
        {
            eventVersion = "2.1",
            eventSource = "aws:s3",
            awsRegion = "us-east-1",
            eventTime = "2026-11-26T10:15:30.123Z",
            eventName = "ObjectCreated:Put",
            s3 = new
            {
                s3SchemaVersion = "1.0",
                configurationId = "mixfleet",
                bucket = new { name = bucket, arn = "arn:aws:s3:::" + bucket },
                @object = new { key = AwsEncode(o.Key), size = o.Size, eTag = o.ETag, sequencer = "0055AED6DCD90281E5" },
            },
        });
        return JsonSerializer.Serialize(new { Records = records });
    }

    private static string AwsEncode(string key) =>
        string.Join('/', key.Split('/').Select(segment => Uri.EscapeDataString(segment).Replace("%20", "+", StringComparison.Ordinal)));

    /// <summary>GET /v1/jobs/{id}: one row of the job store, so any status but 200 is a failure.</summary>
    private static async Task<JsonElement?> TryGetJobAsync(HttpClient client, Guid jobId)
    {
        using var response = await client.GetAsync(new Uri($"/v1/jobs/{jobId:D}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Web);
    }

    private static async Task<T> Poll<T>(Func<Task<T?>> attempt, string what)
        where T : struct
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await attempt() is { } value)
            {
                return value;
            }

            if (clock.Elapsed > CompletionTimeout)
            {
                Assert.Fail($"Timed out after {CompletionTimeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }

    private sealed record Uploaded(string Key, string ETag, long Size);

    /// <summary>One run's buckets, worker and ingestion service; disposing stops both hosts and deletes what the run created.</summary>
    private sealed class FleetRun : IAsyncDisposable
    {
        private readonly IAmazonS3 _s3;

        private FleetRun(string runId, int workers, int? concurrentTracks)
        {
            _s3 = RealParts.CreateS3Client();
            SourceBucket = "mixfleet-e2e-src-" + runId;
            ReportsBucket = "mixfleet-e2e-rep-" + runId;
            // Workers of one run share its queues, as replicas of one deployment share analyze-track.
            Database = TestDatabase.Create();
            QueuePrefix = InProcessWorker.QueuePrefixOf(runId);
            Workers = Enumerable.Range(0, workers).Select(_ => new InProcessWorker(SourceBucket, ReportsBucket, runId, Database, concurrentTracks)).ToList();
            Ingestion = new RealIngestion(ReportsBucket, Database, QueuePrefix);
        }

        public List<InProcessWorker> Workers { get; }

        /// <summary>The run's job store.</summary>
        public string Database { get; }

        public string QueuePrefix { get; }

        public string SourceBucket { get; }

        public string ReportsBucket { get; }

        public RealIngestion Ingestion { get; }

        public static async Task<FleetRun> StartAsync(int workers = 1, int? concurrentTracks = null, bool startWorkers = true)
        {
            var run = new FleetRun(Guid.NewGuid().ToString("N")[..12], workers, concurrentTracks);
            try
            {
                await run._s3.PutBucketAsync(run.SourceBucket);
                await run._s3.PutBucketAsync(run.ReportsBucket);
                if (startWorkers)
                {
                    using var starting = new CancellationTokenSource(StartTimeout);
                    await Task.WhenAll(run.Workers.Select(w => w.Host.StartAsync(starting.Token)));
                }

                run.Ingestion.StartServer();
                return run;
            }
            catch
            {
                await run.DisposeAsync();
                throw;
            }
        }

        public async Task<Uploaded> UploadAsync(string key, byte[] bytes)
        {
            using var content = new MemoryStream(bytes);
            var response = await _s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = SourceBucket,
                Key = key,
                InputStream = content,
                UseChunkEncoding = false,
            });
            return new Uploaded(key, response.ETag.Trim('"'), bytes.Length);
        }

        public async Task<TrackReportDocument> WaitForTrackReportAsync(string sourceKey) =>
            JsonSerializer.Deserialize<TrackReportDocument>(await WaitForReportAsync(TrackReportKeys.For(SourceBucket, sourceKey)), ReportJson.Options)!;

        /// <summary>The album report (JSON) of <paramref name="albumKey"/>, once written; its CSV and HTML are written before it.</summary>
        public async Task<AnalysisReport> WaitForAlbumReportAsync(string albumKey) =>
            JsonSerializer.Deserialize<AnalysisReport>(await WaitForReportAsync(AlbumReportKeys.Json(SourceBucket, albumKey)), ReportJson.Options)!;

        public async Task<string> WaitForReportAsync(string reportKey)
        {
            var clock = Stopwatch.StartNew();
            string? json;
            while ((json = await TryReadReportAsync(reportKey)) is null)
            {
                if (clock.Elapsed > CompletionTimeout)
                {
                    Assert.Fail($"No report at s3://{ReportsBucket}/{reportKey} after {CompletionTimeout.TotalSeconds:0} s.");
                }

                await Task.Delay(200);
            }

            return json;
        }

        public async Task<string?> TryReadReportAsync(string key)
        {
            try
            {
                using var response = await _s3.GetObjectAsync(ReportsBucket, key);
                using var reader = new StreamReader(response.ResponseStream);
                return await reader.ReadToEndAsync();
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.InternalServerError)
            {
                // s3rver answers InternalError to a GET of a key that is being overwritten at that moment (album reports
                // are rewritten by concurrent aggregations): not there yet, ask again.
                return null;
            }
            catch (AmazonClientException ex) when (ex.Message.Contains("hash", StringComparison.OrdinalIgnoreCase))
            {
                // The same overwrite race seen from the other side: the body changed under the read, so the SDK's
                // MD5 check of the response fails. Ask again.
                return null;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Ingestion.DisposeAsync();
            try
            {
                await Task.WhenAll(Workers.Select(w => w.Host.StopAsync(CancellationToken.None)));
            }
            finally
            {
                foreach (var worker in Workers)
                {
                    worker.Host.Dispose();
                }

                await BrokerCleanup.DeleteFleetQueuesAsync(QueuePrefix);
                await DeleteBucketAsync(SourceBucket);
                await DeleteBucketAsync(ReportsBucket);
                _s3.Dispose();
            }
        }

        private async Task DeleteBucketAsync(string bucket)
        {
            try
            {
                var listing = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
                foreach (var o in listing.S3Objects ?? [])
                {
                    await _s3.DeleteObjectAsync(bucket, o.Key);
                }

                await _s3.DeleteBucketAsync(bucket);
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // Never created (start-up failed early).
            }
        }
    }
}
