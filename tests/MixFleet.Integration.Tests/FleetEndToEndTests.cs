using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using MixFleet.Fleet.Tracks;
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

        var status = await Poll(async () =>
        {
            var job = await client.GetFromJsonAsync<JsonElement>(new Uri($"/v1/jobs/{jobId:D}", UriKind.Relative), Web);
            return job.GetProperty("analyzed").GetInt32() + job.GetProperty("failed").GetInt32() >= job.GetProperty("total").GetInt32() ? job : (JsonElement?)null;
        }, $"job {jobId:D} to complete");

        Assert.Equal(3, status.GetProperty("total").GetInt32());
        Assert.Equal(2, status.GetProperty("analyzed").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.Equal("completed", status.GetProperty("state").GetString());
        var failed = await run.WaitForTrackReportAsync(Album + "03 - corrupt.wav");
        Assert.Equal("invalid-header", failed.Track.Error!.Code);
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
        private readonly InProcessWorker _worker;

        private FleetRun(string runId)
        {
            _s3 = RealParts.CreateS3Client();
            SourceBucket = "mixfleet-e2e-src-" + runId;
            ReportsBucket = "mixfleet-e2e-rep-" + runId;
            _worker = new InProcessWorker(SourceBucket, ReportsBucket, runId);
            Ingestion = new RealIngestion(ReportsBucket);
        }

        public string SourceBucket { get; }

        public string ReportsBucket { get; }

        public RealIngestion Ingestion { get; }

        public static async Task<FleetRun> StartAsync()
        {
            var run = new FleetRun(Guid.NewGuid().ToString("N")[..12]);
            try
            {
                await run._s3.PutBucketAsync(run.SourceBucket);
                await run._s3.PutBucketAsync(run.ReportsBucket);
                using (var starting = new CancellationTokenSource(StartTimeout))
                {
                    await run._worker.Host.StartAsync(starting.Token);
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

        public async Task<TrackReportDocument> WaitForTrackReportAsync(string sourceKey)
        {
            var reportKey = TrackReportKeys.For(SourceBucket, sourceKey);
            var clock = Stopwatch.StartNew();
            string? json;
            while ((json = await TryReadReportAsync(reportKey)) is null)
            {
                if (clock.Elapsed > CompletionTimeout)
                {
                    Assert.Fail($"No track report at s3://{ReportsBucket}/{reportKey} after {CompletionTimeout.TotalSeconds:0} s.");
                }

                await Task.Delay(200);
            }

            return JsonSerializer.Deserialize<TrackReportDocument>(json, ReportJson.Options)!;
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
        }

        public async ValueTask DisposeAsync()
        {
            await Ingestion.DisposeAsync();
            try
            {
                await _worker.Host.StopAsync(CancellationToken.None);
            }
            finally
            {
                _worker.Host.Dispose();
                await BrokerCleanup.DeleteQueueAsync(_worker.QueueName);
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
