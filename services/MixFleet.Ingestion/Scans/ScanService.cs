using System.Text.Json;
using Microsoft.Extensions.Options;
using MixFleet.Audio;
using MixFleet.Contracts.V1;
using MixFleet.Ingestion.Publishing;
using MixFleet.Reports.Qc;
using MixFleet.Storage;

namespace MixFleet.Ingestion.Scans;

/// <summary>
/// A scan lists a prefix (paging through the whole listing), writes the job manifest, then publishes one
/// <see cref="AnalyzeTrack"/> per audio object. The manifest comes first so status is readable as soon as work starts.
/// </summary>
internal sealed class ScanService(
    IObjectStore store,
    ITrackCommandPublisher publisher,
    IOptions<IngestionOptions> options,
    IOptions<ReportsOptions> reports,
    TimeProvider timeProvider,
    ILogger<ScanService> logger)
{
    /// <summary>Why the request cannot be served (for a 400), or null when it is valid.</summary>
    public string? Validate(ScanRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Bucket))
        {
            return "'bucket' is required.";
        }

        var profile = request.Profile ?? options.Value.DefaultProfile;
        return QcProfiles.All.ContainsKey(profile)
            ? null
            : $"Unknown profile '{profile}'; known profiles: {string.Join(", ", QcProfiles.All.Keys.Order(StringComparer.Ordinal))}.";
    }

    /// <summary>Runs a validated scan and returns its manifest.</summary>
    public async Task<JobManifest> StartAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        var bucket = request.Bucket!;
        var prefix = request.Prefix ?? string.Empty;
        var profile = QcProfiles.All[request.Profile ?? options.Value.DefaultProfile].Name!;
        var now = timeProvider.GetUtcNow();

        var objects = new List<ObjectInfo>();
        await foreach (var info in store.ListAsync(bucket, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (!info.Key.EndsWith('/') && AudioFileExtensions.IsAudio(info.Key))
            {
                objects.Add(info);
            }
        }

        objects.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var manifest = new JobManifest
        {
            JobId = Guid.CreateVersion7(now),
            CreatedAt = now,
            Bucket = bucket,
            Prefix = prefix,
            Profile = profile,
            Tracks = objects.ConvertAll(o => o.Key),
            Albums = objects.Select(o => AlbumKeys.Of(o.Key)).Distinct(StringComparer.Ordinal).ToList(),
        };
        await WriteManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
        IngestionLog.ScanStarted(logger, manifest.JobId, bucket, prefix, manifest.Tracks.Count, manifest.Albums.Count, profile);

        foreach (var info in objects)
        {
            await publisher.PublishAsync(new AnalyzeTrack
            {
                JobId = manifest.JobId,
                Source = new ObjectRef { Bucket = bucket, Key = info.Key, ETag = info.ETag, Size = info.Size },
                AlbumKey = AlbumKeys.Of(info.Key),
                Profile = profile,
            }, cancellationToken).ConfigureAwait(false);
        }

        return manifest;
    }

    private async Task WriteManifestAsync(JobManifest manifest, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        await JsonSerializer.SerializeAsync(content, manifest, IngestionJson.Options, cancellationToken).ConfigureAwait(false);
        content.Position = 0;
        await store.PutAsync(reports.Value.Bucket, ReportKeys.JobManifest(manifest.JobId), content, "application/json", cancellationToken)
            .ConfigureAwait(false);
    }
}
