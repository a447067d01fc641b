using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MixFleet.Contracts.Keys;
using MixFleet.Fleet.Tracks;
using MixFleet.Reports;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Catalog;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Rendering;
using MixFleet.Storage;

namespace MixFleet.Fleet.Albums;

/// <summary>
/// Writes an album's report from its tracks' stored reports (docs/worker.md, "Album aggregation"): the job store says
/// which tracks the album has once every one of them has settled (a failure report counts), and this builds the
/// album's JSON, CSV and HTML from their reports and energies — never decoding again — with the same Reports-library
/// calls as the CLI. Knows nothing of the broker or the job store.
/// </summary>
/// <remarks>
/// Deterministic: the output depends only on the stored reports and the profile (no timestamp), so concurrent
/// completions write the same bytes and a repeat is harmless.
/// </remarks>
public sealed class AlbumAggregationUseCase
{
    private const string JsonContentType = "application/json";
    private const string CsvContentType = "text/csv; charset=utf-8";
    private const string HtmlContentType = "text/html; charset=utf-8";
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IObjectStore _store;
    private readonly ReportsOptions _options;
    private readonly ILogger<AlbumAggregationUseCase> _logger;

    /// <summary>Creates the use case; track reports are read from, and album reports written to, the reports bucket.</summary>
    public AlbumAggregationUseCase(IObjectStore store, IOptions<ReportsOptions> options, ILogger<AlbumAggregationUseCase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Writes the album report of <paramref name="albumKey"/> in <paramref name="bucket"/> from the reports of <paramref name="trackKeys"/>.</summary>
    /// <param name="jobId">The job, for the log.</param>
    /// <param name="trackKeys">The album's settled tracks (object keys directly under the album prefix).</param>
    /// <param name="bucket">The source bucket of the audio.</param>
    /// <param name="albumKey">The album prefix: empty or ending with '/'.</param>
    /// <param name="profile">A built-in QC profile name (<see cref="QcProfiles.All"/>).</param>
    /// <param name="cancellationToken">Cancels listing, reads and writes.</param>
    /// <exception cref="QcProfileException">The profile is not a built-in one (never succeeds on retry).</exception>
    public async Task<AlbumAggregationOutcome> ExecuteAsync(Guid jobId, string bucket, string albumKey, IReadOnlyList<string> trackKeys, string profile, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        AlbumReportKeys.Validate(albumKey);
        ArgumentNullException.ThrowIfNull(profile);
        if (!QcProfiles.All.TryGetValue(profile, out var qcProfile))
        {
            throw new QcProfileException($"profile '{profile}' is not a built-in profile ({string.Join(", ", QcProfiles.All.Keys)}).");
        }

        ArgumentNullException.ThrowIfNull(trackKeys);
        var documents = new List<TrackReportDocument>(trackKeys.Count);
        foreach (var key in trackKeys.Where(k => IsAlbumTrack(albumKey, k)).Order(StringComparer.Ordinal))
        {
            var document = await TryReadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                // Settled tracks have reports; one that vanished (bucket cleaned?) is left out, and said so.
                FleetLog.AlbumNotComplete(_logger, jobId, bucket, albumKey, key);
                continue;
            }

            documents.Add(document);
        }

        if (documents.Count == 0)
        {
            return new AlbumAggregationOutcome { Status = AlbumAggregationStatus.NotComplete };
        }

        var report = Build(albumKey, documents, qcProfile);
        var outcome = new AlbumAggregationOutcome
        {
            Status = AlbumAggregationStatus.Written,
            TrackCount = documents.Count,
            JsonKey = AlbumReportKeys.Json(bucket, albumKey),
            CsvKey = AlbumReportKeys.Csv(bucket, albumKey),
            HtmlKey = AlbumReportKeys.Html(bucket, albumKey),
            QcStatus = report.Albums[0].Status,
            Album = report.Albums[0],
        };

        // The JSON last: once it is there, the CSV and HTML of the same run are too.
        await PutAsync(outcome.CsvKey, CatalogCsv.ToCsv(report.Catalog), CsvContentType, cancellationToken).ConfigureAwait(false);
        await PutAsync(outcome.HtmlKey, HtmlReport.Render(report, qcProfile), HtmlContentType, cancellationToken).ConfigureAwait(false);
        await PutAsync(outcome.JsonKey, ReportJson.Serialize(report) + "\n", JsonContentType, cancellationToken).ConfigureAwait(false);
        FleetLog.AlbumReportWritten(_logger, jobId, bucket, albumKey, outcome.JsonKey, documents.Count, outcome.QcStatusName!);
        return outcome;
    }

    /// <summary>True when <paramref name="key"/> is an audio object directly under <paramref name="albumKey"/> (not in a deeper folder).</summary>
    public static bool IsAlbumTrack(string albumKey, string key)
    {
        ArgumentNullException.ThrowIfNull(albumKey);
        ArgumentNullException.ThrowIfNull(key);
        return key.Length > albumKey.Length
            && key.StartsWith(albumKey, StringComparison.Ordinal)
            && key.IndexOf('/', albumKey.Length) < 0
            && AudioFileExtensions.IsAudio(key);
    }

    // The same calls as `mixfleet analyze`: album reports, catalog, one AnalysisReport document.
    private static AnalysisReport Build(string albumKey, IReadOnlyList<TrackReportDocument> documents, QcProfile profile)
    {
        // The album is the prefix aggregated now, whatever album key the track message carried.
        var tracks = documents.Select(d => d.Track with { Album = albumKey }).ToList();
        var inputs = documents.Zip(tracks, (d, track) => AlbumTrackInputFactory.FromStored(track, d.Blocks));
        var albums = AlbumReportBuilder.BuildAll(inputs, profile);
        return new AnalysisReport
        {
            // Derived from the inputs, not from the running engine, so every worker writes the same bytes.
            AnalyzerVersion = string.Join(",", documents.Select(d => d.AnalyzerVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            Tracks = tracks,
            Profile = profile.Name ?? "custom",
            Albums = albums,
            Catalog = CatalogBuilder.Build(albums),
        };
    }

    private async Task<TrackReportDocument?> TryReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var reportKey = TrackReportKeys.For(bucket, key);
        Stream stream;
        try
        {
            stream = await _store.OpenReadAsync(_options.Bucket, reportKey, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<TrackReportDocument>(stream, ReportJson.Options, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                FleetLog.ReportUnreadable(_logger, reportKey, ex);
                return null;
            }
        }
    }

    private async Task PutAsync(string key, string content, string contentType, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(_utf8.GetBytes(content), writable: false);
        await _store.PutAsync(_options.Bucket, key, buffer, contentType, cancellationToken).ConfigureAwait(false);
    }
}
