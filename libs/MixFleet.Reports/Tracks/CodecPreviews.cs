using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Reports.Tracks;

/// <summary>
/// Runs the codec preview of one track: for each codec of <see cref="LossyCodecs.All"/>, a fresh reader of the source
/// through <see cref="CodecRoundTrip"/> (ffmpeg's encode and decode, streamed) into the engine's loudness-and-peaks path.
/// The process work is the Audio layer's; this only strings the calls together for the CLI and the worker.
/// </summary>
public sealed class CodecPreviews
{
    private readonly TrackAnalyzer _analyzer;
    private readonly FfmpegOptions _ffmpeg;

    /// <summary>
    /// Creates the preview; <paramref name="options"/> gives the true-peak method and the over ceiling (the profile's),
    /// measured loudness-only; <paramref name="budget"/> and <paramref name="memory"/> the cores and memory the measurement draws from (the encoders run beside it).
    /// </summary>
    public CodecPreviews(AnalysisOptions options, CpuBudget budget, FfmpegOptions ffmpeg, MemoryBudget? memory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ffmpeg);
        _analyzer = new TrackAnalyzer(options with { LoudnessOnly = true }, budget, memory);
        _ffmpeg = ffmpeg;
    }

    /// <summary>
    /// One entry per codec, in <see cref="LossyCodecs.All"/> order. <paramref name="openSource"/> opens the source again
    /// for each codec (the returned reader is disposed here). A codec whose preview fails with an
    /// <see cref="AudioDecodeException"/> that <paramref name="record"/> accepts (default: any) gets an entry with the error
    /// code; any other exception propagates.
    /// </summary>
    public async Task<IReadOnlyList<CodecPreviewReport>> MeasureAsync(
        Func<CancellationToken, Task<IAudioReader>> openSource,
        string sourceName,
        double? sourceTruePeakDbtp,
        Func<AudioDecodeException, bool>? record = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openSource);
        var entries = new List<CodecPreviewReport>(LossyCodecs.All.Count);
        foreach (var codec in LossyCodecs.All)
        {
            try
            {
                var source = await openSource(cancellationToken).ConfigureAwait(false);
                using var reader = CodecRoundTrip.Open(source, codec, _ffmpeg, sourceName);
                var analysis = await _analyzer.AnalyzeAsync(reader, progress: null, cancellationToken).ConfigureAwait(false);
                entries.Add(CodecPreviewReport.From(codec, reader.Info.SampleRate, analysis.Peaks, sourceTruePeakDbtp));
            }
            catch (AudioDecodeException ex) when (record?.Invoke(ex) ?? true)
            {
                entries.Add(CodecPreviewReport.Failed(codec, ex.Code.ToCode(), ex.Message));
            }
        }

        return entries;
    }
}
