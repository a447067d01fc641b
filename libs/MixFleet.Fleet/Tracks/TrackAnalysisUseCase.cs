using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Contracts.Keys;
using MixFleet.Contracts.V1;
using MixFleet.Reports.Albums;
using MixFleet.Audio.Ffmpeg;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tracks;
using MixFleet.Storage;

namespace MixFleet.Fleet.Tracks;

/// <summary>
/// Analyzes one stored audio object and writes its track report, or reuses the report already written for the same
/// ETag and analyzer version. Knows nothing of the broker: the consumer calls it and publishes the outcome.
/// </summary>
/// <remarks>
/// A file that can never be analyzed (corrupt, unsupported) gets a failure report and a failed outcome; so does an
/// object that no longer exists (<see cref="ObjectNotFoundCode"/>), so a job waiting for it still completes. Anything else
/// — storage faults, a stream cut mid-read (<see cref="AudioErrorCode.IoError"/>), a missing decoder, cancellation —
/// propagates, so the message is retried or returned to the queue instead of caching a wrong verdict.
/// </remarks>
public sealed class TrackAnalysisUseCase
{
    /// <summary>The error code of a failure report for a source object that does not exist (deleted after the event or listing).</summary>
    public const string ObjectNotFoundCode = "object-not-found";

    private const string JsonContentType = "application/json";

    private static readonly string DeploymentLimitCode = AudioErrorCode.TooLarge.ToCode();
    private static readonly string EncoderMissingCode = AudioErrorCode.EncoderNotAvailable.ToCode();

    private readonly IObjectStore _store;
    private readonly IAudioDecoder _decoder;
    private readonly TrackAnalyzer _analyzer;
    private readonly CodecPreviews _codecPreviews;
    private readonly string _reportsBucket;
    private readonly ILogger<TrackAnalysisUseCase> _logger;

    /// <summary>Creates the use case; <paramref name="budget"/> and <paramref name="memory"/> are the process-wide CPU and memory budgets.</summary>
    public TrackAnalysisUseCase(
        IObjectStore store,
        IAudioDecoder decoder,
        CpuBudget budget,
        MemoryBudget memory,
        AnalysisOptions analysisOptions,
        IOptions<ReportsOptions> reports,
        ILogger<TrackAnalysisUseCase> logger)
        : this(store, decoder, budget, memory, analysisOptions, new FfmpegOptions(), reports, logger)
    {
    }

    /// <summary>Creates the use case; <paramref name="ffmpeg"/> runs the codec preview's encodes.</summary>
    [ActivatorUtilitiesConstructor]
    public TrackAnalysisUseCase(
        IObjectStore store,
        IAudioDecoder decoder,
        CpuBudget budget,
        MemoryBudget memory,
        AnalysisOptions analysisOptions,
        FfmpegOptions ffmpeg,
        IOptions<ReportsOptions> reports,
        ILogger<TrackAnalysisUseCase> logger)
    {
        ArgumentNullException.ThrowIfNull(reports);
        _store = store;
        _decoder = decoder;
        _analyzer = new TrackAnalyzer(analysisOptions, budget, memory);
        _codecPreviews = new CodecPreviews(analysisOptions, budget, ffmpeg, memory);
        _reportsBucket = reports.Value.Bucket;
        _logger = logger;
    }

    /// <summary>Analyzes <paramref name="source"/> (or reuses its current report) and writes the report.</summary>
    /// <remarks>
    /// A source object that does not exist (at HEAD, or gone before it is opened) gets a failure report with the code
    /// <see cref="ObjectNotFoundCode"/> and a failed outcome. That report carries no ETag, so it is never reused: a later
    /// upload of the same key (even with the same content) is analyzed.
    /// </remarks>
    public Task<TrackAnalysisOutcome> ExecuteAsync(ObjectRef source, string albumKey, CancellationToken cancellationToken) =>
        ExecuteAsync(source, albumKey, profile: null, cancellationToken);

    /// <summary>
    /// As <see cref="ExecuteAsync(ObjectRef, string, CancellationToken)"/> for a job of <paramref name="profile"/> (a
    /// built-in profile name, or null): a profile that judges the codec preview (<see cref="QcProfile.CodecCheck"/>:
    /// <c>streaming</c>, <c>apple</c>) has it measured, and does not reuse a report stored without it.
    /// </summary>
    public async Task<TrackAnalysisOutcome> ExecuteAsync(ObjectRef source, string albumKey, string? profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(albumKey);
        var reportKey = TrackReportKeys.For(source.Bucket, source.Key);

        // The stored object's ETag, not the message's: the message may predate an overwrite.
        var head = await _store.HeadAsync(source.Bucket, source.Key, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return await WriteNotFoundAsync(source, albumKey, reportKey, cancellationToken).ConfigureAwait(false);
        }

        var current = source with { ETag = head.ETag ?? source.ETag, Size = head.Size };

        var codecCheck = profile is not null && QcProfiles.All.TryGetValue(profile, out var qc) && qc.CodecCheck == true;
        var existing = await TryReadAsync(reportKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null && IsCurrent(existing, current) && (!codecCheck || HasCodecPreview(existing)))
        {
            FleetLog.ReportReused(_logger, source.Bucket, source.Key, reportKey);
            return new TrackAnalysisOutcome
            {
                ReportKey = reportKey,
                AnalyzerVersion = existing.AnalyzerVersion,
                Reused = true,
                AnalyzedETag = existing.Source.ETag,
                Error = existing.Track.Error,
            };
        }

        TrackReportDocument document;
        try
        {
            document = await AnalyzeAsync(current, albumKey, codecCheck, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException ex) when (ex.Bucket == source.Bucket && ex.Key == source.Key)
        {
            // Deleted between HEAD and GET.
            return await WriteNotFoundAsync(source, albumKey, reportKey, cancellationToken).ConfigureAwait(false);
        }

        await WriteAsync(reportKey, document, cancellationToken).ConfigureAwait(false);
        if (document.Track.Error is { } error)
        {
            FleetLog.TrackFailed(_logger, source.Bucket, source.Key, error.Code);
        }
        else
        {
            FleetLog.TrackAnalyzed(_logger, source.Bucket, source.Key, reportKey);
        }

        return new TrackAnalysisOutcome { ReportKey = reportKey, AnalyzerVersion = document.AnalyzerVersion, AnalyzedETag = current.ETag, Error = document.Track.Error };
    }

    /// <summary>
    /// True when the decode error gets a failure report now instead of a retry: the file's own fault, or a limit of
    /// this deployment (<see cref="AudioErrorCode.TooLarge"/>) that no retry lifts. A cut stream, a decoder missing from
    /// this machine, or a decoder that timed out or was killed (<see cref="AudioDecodeException.Transient"/>) is not:
    /// those are retried and, if they never pass, stranded, never written as a verdict.
    /// </summary>
    public static bool IsPermanent(AudioDecodeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return !exception.Transient && exception.Code is not (AudioErrorCode.IoError or AudioErrorCode.DecoderNotInstalled);
    }

    // Reuse rule (docs/worker.md): same source ETag (known) and same analyzer version, and a verdict about the file
    // itself: a failure for a limit of the deployment (too-large) is measured again, since the limit may have changed.
    private static bool IsCurrent(TrackReportDocument existing, ObjectRef current) =>
        current.ETag is { Length: > 0 } etag
        && string.Equals(existing.Source.ETag, etag, StringComparison.Ordinal)
        && string.Equals(existing.AnalyzerVersion, AnalyzerVersion.Current, StringComparison.Ordinal)
        && !string.Equals(existing.Track.Error?.Code, DeploymentLimitCode, StringComparison.Ordinal);

    // A report answers a job that needs the codec preview when it has one measured on a machine whose ffmpeg had every
    // encoder (an encoder missing here is a limit of that worker, measured again elsewhere), or when it is a failure report.
    private static bool HasCodecPreview(TrackReportDocument existing) =>
        existing.Track.Error is not null
        || (existing.Track.CodecPreview is { } preview
            && preview.All(c => !string.Equals(c.Error?.Code, EncoderMissingCode, StringComparison.Ordinal)));

    private async Task<TrackReportDocument> AnalyzeAsync(ObjectRef source, string albumKey, bool codecCheck, CancellationToken cancellationToken)
    {
        AudioStreamInfo? info = null;
        try
        {
            var stream = await _store.OpenReadAsync(source.Bucket, source.Key, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = _decoder.Open(stream, source.Key);
                info = reader.Info;
                var analysis = await _analyzer.AnalyzeAsync(reader, progress: null, cancellationToken).ConfigureAwait(false);
                var track = TrackReportFactory.FromAnalysis(source.Key, albumKey, analysis);
                if (codecCheck)
                {
                    track = track with { CodecPreview = await CodecPreviewAsync(source, track, cancellationToken).ConfigureAwait(false) };
                }

                return new TrackReportDocument
                {
                    AnalyzerVersion = AnalyzerVersion.Current,
                    Source = source,
                    AlbumKey = albumKey,
                    Track = track,
                    Blocks = AlbumLoudnessData.From(analysis.Loudness),
                };
            }
        }
        catch (AudioDecodeException ex) when (IsPermanent(ex))
        {
            return new TrackReportDocument
            {
                AnalyzerVersion = AnalyzerVersion.Current,
                Source = source,
                AlbumKey = albumKey,
                Track = TrackReportFactory.FromError(source.Key, albumKey, ex.Code.ToCode(), ex.Message, info),
            };
        }
    }

    // The object is read again from the store for each codec and streamed through the encoder and decoder. A codec that fails for the file's sake
    // or for a missing encoder is recorded; a transient fault (a cut stream, a killed ffmpeg) propagates and is retried.
    private async Task<IReadOnlyList<CodecPreviewReport>> CodecPreviewAsync(ObjectRef source, TrackReport track, CancellationToken cancellationToken)
    {
        async Task<IAudioReader> OpenAsync(CancellationToken ct)
        {
            var stream = await _store.OpenReadAsync(source.Bucket, source.Key, ct).ConfigureAwait(false);
            try
            {
                return new StreamOwningReader(_decoder.Open(stream, source.Key), stream);
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return await _codecPreviews.MeasureAsync(
            OpenAsync,
            source.Key,
            track.Peaks?.TruePeakDbtp,
            ex => IsPermanent(ex) || ex.Code == AudioErrorCode.EncoderNotAvailable,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<TrackAnalysisOutcome> WriteNotFoundAsync(ObjectRef source, string albumKey, string reportKey, CancellationToken cancellationToken)
    {
        var message = $"The object s3://{source.Bucket}/{source.Key} does not exist (deleted after it was announced?).";
        var document = new TrackReportDocument
        {
            AnalyzerVersion = AnalyzerVersion.Current,
            // No ETag or size: there is no current content, and a report without an ETag is never reused.
            Source = source with { ETag = null, Size = null },
            AlbumKey = albumKey,
            Track = TrackReportFactory.FromError(source.Key, albumKey, ObjectNotFoundCode, message),
        };
        await WriteAsync(reportKey, document, cancellationToken).ConfigureAwait(false);
        FleetLog.TrackFailed(_logger, source.Bucket, source.Key, ObjectNotFoundCode);
        return new TrackAnalysisOutcome { ReportKey = reportKey, AnalyzerVersion = document.AnalyzerVersion, Error = document.Track.Error };
    }

    private async Task<TrackReportDocument?> TryReadAsync(string reportKey, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = await _store.OpenReadAsync(_reportsBucket, reportKey, cancellationToken).ConfigureAwait(false);
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
                // An unreadable report is no reason to fail the track: measure again and replace it.
                FleetLog.ReportUnreadable(_logger, reportKey, ex);
                return null;
            }
        }
    }

    private async Task WriteAsync(string reportKey, TrackReportDocument document, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await JsonSerializer.SerializeAsync(buffer, document, ReportJson.Options, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        await _store.PutAsync(_reportsBucket, reportKey, buffer, JsonContentType, cancellationToken).ConfigureAwait(false);
    }
}
