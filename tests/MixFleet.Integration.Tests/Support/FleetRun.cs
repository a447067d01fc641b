using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using MixFleet.Audio.Ffmpeg;
using MixFleet.Contracts.Keys;
using MixFleet.Fleet.Tracks;
using MixFleet.Reports;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// One run of the fleet on the real parts: its own buckets, database and queue prefix, its workers and its ingestion
/// service. A host can be crashed and replaced by a fresh one on the same database, queues and buckets. Disposing stops
/// the hosts still running and deletes what the run created on the broker, in S3 and in PostgreSQL.
/// </summary>
internal sealed class FleetRun : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly IAmazonS3 _s3;
    private readonly string _runId;
    private readonly int? _concurrentTracks;
    private readonly IReadOnlyDictionary<string, string>? _ingestionSettings;
    private readonly HashSet<InProcessWorker> _stopped = [];

    private FleetRun(string runId, int workers, int? concurrentTracks, IReadOnlyDictionary<string, string>? ingestionSettings,
        Action<IServiceCollection>? ingestionServices, Action<IServiceCollection>? workerServices)
    {
        _s3 = RealParts.CreateS3Client();
        _runId = runId;
        _concurrentTracks = concurrentTracks;
        _ingestionSettings = ingestionSettings;
        SourceBucket = "mixfleet-e2e-src-" + runId;
        ReportsBucket = "mixfleet-e2e-rep-" + runId;
        // Workers of one run share its queues, as replicas of one deployment share analyze-track.
        Database = TestDatabase.Create();
        QueuePrefix = InProcessWorker.QueuePrefixOf(runId);
        Workers = Enumerable.Range(0, workers).Select(_ => NewWorker(workerServices)).ToList();
        Ingestion = new RealIngestion(ReportsBucket, Database, QueuePrefix, ingestionSettings, ingestionServices);
    }

    /// <summary>Every worker of the run, crashed ones included (their counts still count).</summary>
    public List<InProcessWorker> Workers { get; }

    /// <summary>The run's job store.</summary>
    public string Database { get; }

    public string QueuePrefix { get; }

    public string SourceBucket { get; }

    public string ReportsBucket { get; }

    /// <summary>The ingestion service now running.</summary>
    public RealIngestion Ingestion { get; private set; }

    /// <param name="workers">Workers built (and started unless <paramref name="startWorkers"/> is false).</param>
    /// <param name="concurrentTracks">The workers' <c>ConcurrentTracks</c>; null for the default.</param>
    /// <param name="startWorkers">False to leave the workers built but not started.</param>
    /// <param name="ingestionSettings">Configuration of every ingestion service of the run (first and restarted).</param>
    /// <param name="ingestionServices">A fault for the first ingestion service only.</param>
    /// <param name="workerServices">A fault for the first workers only.</param>
    /// <param name="kestrel">True to host the first ingestion service on a real loopback port (<see cref="RealIngestion.BaseAddress"/>).</param>
    public static async Task<FleetRun> StartAsync(
        int workers = 1, int? concurrentTracks = null, bool startWorkers = true, IReadOnlyDictionary<string, string>? ingestionSettings = null,
        Action<IServiceCollection>? ingestionServices = null, Action<IServiceCollection>? workerServices = null, bool kestrel = false)
    {
        var run = new FleetRun(Guid.NewGuid().ToString("N")[..12], workers, concurrentTracks, ingestionSettings, ingestionServices, workerServices);
        try
        {
            await run._s3.PutBucketAsync(run.SourceBucket);
            await run._s3.PutBucketAsync(run.ReportsBucket);
            if (startWorkers)
            {
                using var starting = new CancellationTokenSource(StartTimeout);
                await Task.WhenAll(run.Workers.Select(w => w.Host.StartAsync(starting.Token)));
            }

            if (kestrel)
            {
                // A real port on loopback, for a browser (the default is the in-memory test server).
                run.Ingestion.UseKestrel(0);
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

    /// <summary>Stops the ingestion service (see <see cref="Crashes.CrashPoint"/> for why this leaves what a kill leaves).</summary>
    public async Task CrashIngestionAsync() => await Ingestion.DisposeAsync();

    /// <summary>Starts a fresh ingestion service on the run's database, queues and buckets, without any fault.</summary>
    /// <param name="settings">Configuration instead of the run's ingestion settings (null: the run's).</param>
    public void RestartIngestion(IReadOnlyDictionary<string, string>? settings = null)
    {
        Ingestion = new RealIngestion(ReportsBucket, Database, QueuePrefix, settings ?? _ingestionSettings);
        Ingestion.StartServer();
    }

    /// <summary>Stops and disposes a worker (see <see cref="Crashes.CrashPoint"/>); it stays in <see cref="Workers"/>.</summary>
    public async Task CrashWorkerAsync(InProcessWorker worker)
    {
        _stopped.Add(worker);
        try
        {
            await worker.Host.StopAsync(CancellationToken.None);
        }
        finally
        {
            worker.Host.Dispose();
        }
    }

    /// <summary>Starts a fresh worker on the run's queues, without any fault.</summary>
    public async Task<InProcessWorker> StartWorkerAsync()
    {
        var worker = NewWorker(configureServices: null);
        Workers.Add(worker);
        using var starting = new CancellationTokenSource(StartTimeout);
        await worker.Host.StartAsync(starting.Token);
        return worker;
    }

    /// <summary>
    /// How many times one analysis opens its source under the <c>streaming</c> profile every run here uses: once to
    /// measure it and, when the profile asks for the codec preview, once more per codec (the preview decodes it again).
    /// A track that fails to decode gets no preview: one open.
    /// </summary>
    public static int ReadsPerAnalysis { get; } = 1 + (QcProfiles.Streaming.CodecCheck == true ? LossyCodecs.All.Count : 0);

    /// <summary>How many times the run's workers opened the source object <paramref name="key"/> (<see cref="ReadsPerAnalysis"/> per analysis).</summary>
    public int SourceReads(string key) => Workers.Sum(w => w.SourceReads.GetValueOrDefault(key));

    /// <summary>How many times the run's workers started writing the report <paramref name="reportKey"/>.</summary>
    public int ReportWrites(string reportKey) => Workers.Sum(w => w.ReportWrites.GetValueOrDefault(reportKey));

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

    public Task<string> WaitForReportAsync(string reportKey) =>
        Poll.ForObjectAsync(() => TryReadReportAsync(reportKey), $"a report at s3://{ReportsBucket}/{reportKey}");

    public async Task<string?> TryReadReportAsync(string key)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(ReportsBucket, key);
            using var reader = new StreamReader(response.ResponseStream);
            var body = await reader.ReadToEndAsync();
            // s3rver creates the file before it writes the body (its PUT is not atomic): a GET in between reads an empty
            // or cut object with 200. Not there yet: ask again (a report that never completes still fails by the bound).
            return IsComplete(key, body) ? body : null;
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
        var running = Workers.Where(w => !_stopped.Contains(w)).ToList();
        try
        {
            await Task.WhenAll(running.Select(w => w.Host.StopAsync(CancellationToken.None)));
        }
        finally
        {
            foreach (var worker in running)
            {
                worker.Host.Dispose();
            }

            await BrokerCleanup.DeleteFleetQueuesAsync(QueuePrefix);
            await DeleteBucketAsync(SourceBucket);
            await DeleteBucketAsync(ReportsBucket);
            await TestDatabase.DropAsync(Database);
            _s3.Dispose();
        }
    }

    private InProcessWorker NewWorker(Action<IServiceCollection>? configureServices) =>
        new(SourceBucket, ReportsBucket, _runId, Database, _concurrentTracks, configureServices);

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

    private static bool IsComplete(string key, string body)
    {
        if (body.Length == 0)
        {
            return false;
        }

        if (!key.EndsWith(".json", StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
