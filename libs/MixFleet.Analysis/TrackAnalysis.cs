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

namespace MixFleet.Analysis;

/// <summary>Everything measured on one track.</summary>
public sealed record TrackAnalysis
{
    /// <summary>The decoded stream's format and tags.</summary>
    public required AudioStreamInfo Format { get; init; }

    /// <summary>Frames actually decoded.</summary>
    public required long Frames { get; init; }

    /// <summary>Decoded duration in seconds.</summary>
    public double DurationSeconds => (double)Frames / Format.SampleRate;

    /// <summary>Whether a mono file was measured as dual-mono.</summary>
    public required bool DualMono { get; init; }

    /// <summary>BS.1770 / EBU R128 loudness.</summary>
    public required LoudnessResult Loudness { get; init; }

    /// <summary>Sample and true peaks.</summary>
    public required PeakResult Peaks { get; init; }

    /// <summary>DR score, crest factor, PLR and short-term series; null only when built without them.</summary>
    public DynamicsResult? Dynamics { get; init; }

    /// <summary>Stereo image; null unless the track has two channels.</summary>
    public StereoResult? Stereo { get; init; }

    /// <summary>Long-term spectrum.</summary>
    public SpectrumResult? Spectrum { get; init; }

    /// <summary>Clipped runs, inter-sample overs, DC offset.</summary>
    public ClippingResult? Clipping { get; init; }

    /// <summary>Leading/trailing silence and dropouts.</summary>
    public SilenceResult? Silence { get; init; }

    /// <summary>Defects at known places (clicks, dropouts, abrupt edges, channel relations, DC, overs, clipping); null with <see cref="AnalysisOptions.LoudnessOnly"/>.</summary>
    public DefectsResult? Defects { get; init; }

    /// <summary>Effective bit depth.</summary>
    public BitDepthResult? BitDepth { get; init; }

    /// <summary>The gain each streaming service would apply.</summary>
    public IReadOnlyList<StreamingGain>? Streaming { get; init; }

    /// <summary>The pre-mastering checks.</summary>
    public MixReadinessResult? MixReadiness { get; init; }

    /// <summary>Fades and body loudness at both ends (album sequencing); null in loudness-only mode.</summary>
    public TrackEdges? Edges { get; init; }
}
