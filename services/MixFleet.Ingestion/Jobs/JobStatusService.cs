using System.Text.Json;
using Microsoft.Extensions.Options;
using MixFleet.Fleet.Albums;
using MixFleet.Fleet.Tracks;
using MixFleet.Ingestion.Scans;
using MixFleet.Storage;

namespace MixFleet.Ingestion.Jobs;

/// <summary>
/// Computes a job's progress from S3 alone (no database): the manifest, then one GET per track report (bounded
/// parallelism) and one HEAD per album report. A report written for the same object by an earlier job counts too:
/// the worker would reuse it anyway.
/// </summary>
internal sealed class JobStatusService(IObjectStore store, IOptions<ReportsOptions> reports, ILogger<JobStatusService> logger)
{
    private const int Parallelism = 16;

    /// <summary>The status, or null when no manifest exists for <paramref name="jobId"/>.</summary>
    public async Task<JobStatus?> GetAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var bucket = reports.Value.Bucket;
        var manifest = await ReadAsync<JobManifest>(bucket, ReportKeys.JobManifest(jobId), cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return null;
        }

        int analyzed = 0, failed = 0;
        await Parallel.ForEachAsync(manifest.Tracks, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (key, ct) =>
            {
                var outcome = await ReadTrackAsync(bucket, TrackReportKeys.For(manifest.Bucket, key), ct).ConfigureAwait(false);
                if (outcome is { IsFailure: true })
                {
                    Interlocked.Increment(ref failed);
                }
                else if (outcome is not null)
                {
                    Interlocked.Increment(ref analyzed);
                }
            }).ConfigureAwait(false);

        var albums = new List<string>();
        foreach (var album in manifest.Albums)
        {
            var key = AlbumReportKeys.Json(manifest.Bucket, album);
            if (await store.HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false) is not null)
            {
                albums.Add(key);
            }
        }

        var state = analyzed + failed >= manifest.Tracks.Count ? "completed" : "running";
        return new JobStatus(jobId, state, manifest.Tracks.Count, analyzed, failed, albums);
    }

    // A report the worker is overwriting right now (or a store hiccup that outlived the store's retries) is not a
    // failed status request: the track counts as not done yet and the next poll sees it.
    private async Task<TrackReportOutcome?> ReadTrackAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync<TrackReportOutcome>(bucket, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            IngestionLog.UnreadableTrackReport(logger, bucket, key, ex);
            return null;
        }
    }

    private async Task<T?> ReadAsync<T>(string bucket, string key, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var stream = await store.OpenReadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync<T>(stream, IngestionJson.Options, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }
}
