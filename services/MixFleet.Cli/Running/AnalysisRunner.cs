using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Cli.Discovery;
using MixFleet.Reports.Tracks;

namespace MixFleet.Cli.Running;

/// <summary>
/// Analyzes tracks embedded in this process, several at once. A file that cannot be analyzed gets an error in its
/// report and the run goes on; only cancellation stops it.
/// </summary>
/// <remarks>With <paramref name="codecPreviews"/>, each analyzed track also gets its codec preview (the file decoded again per codec).</remarks>
internal sealed class AnalysisRunner(IAudioDecoder decoder, AnalysisOptions options, CpuBudget budget, MemoryBudget memory, CodecPreviews? codecPreviews = null)
{
    /// <summary>Reports in the order of <paramref name="tracks"/>, each with the album input it feeds (energies kept).</summary>
    public async Task<IReadOnlyList<AnalyzedTrack>> RunAsync(IReadOnlyList<TrackSource> tracks, IAnalysisProgress progress, CancellationToken cancellationToken)
    {
        var reports = new AnalyzedTrack[tracks.Count];
        // As many files in flight as the budget has cores: each decodes ahead while others compute; the CPU budget, not
        // this count, bounds the cores in use, and the memory budget the buffers (a file waits to be admitted).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = budget.Cores, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, tracks.Count), parallel, async (i, ct) =>
        {
            reports[i] = await AnalyzeOneAsync(tracks[i], progress, ct);
            progress.TrackFinished(tracks[i], reports[i].Report);
        });
        return reports;
    }

    private async Task<AnalyzedTrack> AnalyzeOneAsync(TrackSource track, IAnalysisProgress progress, CancellationToken cancellationToken)
    {
        AudioStreamInfo? info = null;
        try
        {
            using var reader = decoder.Open(track.Path);
            info = reader.Info;
            progress.TrackStarted(track, info.DurationSeconds);
            var sampleRate = info.SampleRate;
            var frames = new Progress(frame => progress.TrackAdvanced(track, (double)frame / sampleRate));
            var analysis = await new TrackAnalyzer(options, budget, memory).AnalyzeAsync(reader, frames, cancellationToken);
            var report = TrackReportFactory.FromAnalysis(track.Path, track.Album, analysis);
            if (codecPreviews is not null)
            {
                var preview = await codecPreviews.MeasureAsync(_ => Task.FromResult(decoder.Open(track.Path)), track.Path, report.Peaks?.TruePeakDbtp, cancellationToken: cancellationToken);
                report = report with { CodecPreview = preview };
            }

            return AnalyzedTrack.Of(report, analysis);
        }
        catch (AudioDecodeException ex)
        {
            return AnalyzedTrack.Of(TrackReportFactory.FromError(track.Path, track.Album, ex.Code.ToCode(), ex.Message, info), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not the file's fault as far as we know: report it as such, never hide it, and go on with the others.
            return AnalyzedTrack.Of(TrackReportFactory.FromError(track.Path, track.Album, "internal-error", $"{track.Path}: unexpected {ex.GetType().Name}: {ex.Message}", info), null);
        }
    }

    /// <summary>Synchronous <see cref="IProgress{T}"/>: reports on the analyzing thread, no SynchronizationContext hop.</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
