using MixFleet.Analysis.Clipping;
using MixFleet.Analysis.Defects;
using MixFleet.Analysis.Delivery;
using MixFleet.Analysis.Dynamics;
using MixFleet.Analysis.Edges;
using MixFleet.Analysis.Format;
using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Analysis.SilenceDetection;
using MixFleet.Analysis.Spectrum;
using MixFleet.Analysis.Stereo;
using MixFleet.Audio;

namespace MixFleet.Analysis.Engine;

/// <summary>Every metric of a track, measured per chunk and merged once: the one place a new metric is wired in.</summary>
public sealed class TrackMetrics
{
    private readonly AudioStreamInfo _info;
    private readonly AnalysisOptions _options;
    private readonly LoudnessMetric _loudness;
    private readonly PeakMetric _peaks;
    private readonly DynamicsMetric _dynamics;
    private readonly ClippingMetric _clipping;
    private readonly SilenceMetric _silence;
    private readonly StereoMetric? _stereo;
    private readonly SpectrumMetric _spectrum;
    private readonly BitDepthMetric _bitDepth;
    private readonly DefectMetric _defects;

    /// <summary>Creates the metrics for a stream's format and the chunk layout the track is cut into.</summary>
    public TrackMetrics(AudioStreamInfo info, AnalysisOptions options, ChunkLayout layout)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(layout);
        _info = info;
        _options = options;
        var rate = info.SampleRate;
        _loudness = new LoudnessMetric(rate, ChannelWeights.For(info.Layout, options.DualMono));
        _peaks = new PeakMetric(rate, options.TruePeak, options.OverCeilingDbtp);
        _dynamics = new DynamicsMetric(rate);
        _clipping = new ClippingMetric(rate);
        _silence = new SilenceMetric(rate);
        _stereo = info.Channels == 2 ? new StereoMetric(rate) : null;
        _spectrum = new SpectrumMetric(rate, layout.PreRollFrames);
        _bitDepth = new BitDepthMetric(info.Codec, info.BitDepth);
        _defects = new DefectMetric(rate);
    }

    /// <summary>Where the merge's time goes (benchmarks); null: not traced.</summary>
    public EngineTrace? Trace { get; init; }

    /// <summary>Measures one chunk into its partial.</summary>
    public ChunkPartial Measure(AudioChunk chunk) => _options.LoudnessOnly
        ? new(_loudness.Measure(chunk), _peaks.Measure(chunk))
        : new(_loudness.Measure(chunk), _peaks.Measure(chunk))
    {
        Dynamics = _dynamics.Measure(chunk),
        Clipping = _clipping.Measure(chunk),
        Silence = _silence.Measure(chunk),
        Stereo = _stereo?.Measure(chunk),
        Spectrum = _spectrum.Measure(chunk),
        BitDepth = _bitDepth.Measure(chunk),
        Defects = _defects.Measure(chunk),
    };

    /// <summary>Merges the partials, in track order, into the track's analysis.</summary>
    /// <param name="partials">Every chunk's partial, in track order.</param>
    /// <param name="frames">The track's frames.</param>
    /// <param name="parallelism">Metrics merged at once: the merge is the serial end of a track, so the metrics that do
    /// not depend on each other merge side by side (the same computations, so the same result at any value).</param>
    public TrackAnalysis Merge(IReadOnlyList<ChunkPartial> partials, long frames, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(partials);
        LoudnessPartial[] loudnessPartials = [.. partials.Select(p => p.Loudness)];
        LoudnessResult loudness = null!;
        PeakResult peaks = null!;
        DynamicsResult dynamics = null!;
        StereoResult? stereo = null;
        double? foldDown = null;
        SpectrumResult spectrum = null!;
        ClippingResult clipping = null!;
        SilenceResult silence = null!;
        DefectFindings defectMerge = null!;
        BitDepthResult? bitDepth = null;
        List<Action> steps =
        [
            () => loudness = Timed("merge: loudness", () => _loudness.Merge(loudnessPartials)),
            () => peaks = Timed("merge: peaks", () => _peaks.Merge([.. partials.Select(p => p.Peaks)])),
        ];
        if (!_options.LoudnessOnly)
        {
            steps.AddRange(
            [
                () => dynamics = Timed("merge: dynamics", () => _dynamics.Merge([.. partials.Select(p => p.Dynamics!)])),
                () => stereo = Timed("merge: stereo", () => _stereo?.Merge([.. partials.Select(p => p.Stereo!)])),
                () => foldDown = _stereo is null ? null : Timed("merge: fold-down", () => _loudness.FoldDownLufs(loudnessPartials)),
                () => spectrum = Timed("merge: spectrum", () => _spectrum.Merge([.. partials.Select(p => p.Spectrum!)])),
                () => clipping = Timed("merge: clipping", () => _clipping.Merge([.. partials.Select(p => p.Clipping!)])),
                () => silence = Timed("merge: silence", () => _silence.Merge([.. partials.Select(p => p.Silence!)])),
                () => defectMerge = Timed("merge: defects", () => _defects.Merge([.. partials.Select(p => p.Defects!)])),
                () => bitDepth = _bitDepth.Merge([.. partials.Select(p => p.BitDepth!)]),
            ]);
        }

        // The longest (loudness: gating and the range's sort) first, so the others fill the remaining cores.
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, [.. steps]);

        var integrated = loudness.IntegratedLufs;
        var measured = new TrackAnalysis
        {
            Format = _info,
            Frames = frames,
            DualMono = _options.DualMono && _info.Channels == 1,
            Loudness = loudness,
            Peaks = peaks,
            Streaming = StreamingPreview.For(integrated, peaks.TruePeakDbtp),
        };
        if (_options.LoudnessOnly)
        {
            return measured;
        }

        var plr = peaks.TruePeakDbtp - integrated;
        var (step, series) = Timed("merge: short-term series", () => ShortTermSeries.Sample(loudness.ShortTermEnergies));
        dynamics = dynamics with
        {
            PeakToLoudnessRatioDb = plr,
            ShortTermLufsPerSecond = [.. series.Select(LoudnessUnits.ToLufsOrNull)],
            ShortTermStepSeconds = step,
        };
        if (stereo is not null && foldDown is { } fold)
        {
            stereo = stereo with { MonoFoldDownLufs = fold, MonoFoldDownLossDb = integrated - fold };
        }

        clipping = clipping with { InterSampleOvers = peaks.InterSampleOvers };
        var defects = Timed("merge: defect list", () => DefectList.Build(defectMerge, clipping, silence, peaks, _info.SampleRate, frames, _info.Channels));
        var edges = Timed("merge: edges", () => EdgeDetector.Detect(loudness.ShortTermEnergies, silence.LeadingSeconds, silence.TrailingSeconds, (double)frames / _info.SampleRate));
        return measured with
        {
            Edges = edges,
            Dynamics = dynamics,
            Stereo = stereo,
            Spectrum = spectrum,
            Clipping = clipping,
            Silence = silence,
            Defects = defects,
            BitDepth = bitDepth,
            MixReadiness = MixReadiness.Judge(
                peaks.SamplePeakDbfs,
                integrated,
                plr,
                peaks.TruePeakDbtp,
                stereo?.Correlation,
                stereo?.PhaseTrouble ?? false,
                spectrum.Bands.FirstOrDefault(b => b.Name == "sub")?.Share),
        };
    }

    private T Timed<T>(string stage, Func<T> step)
    {
        using (Trace?.Time(stage))
        {
            return step();
        }
    }
}
