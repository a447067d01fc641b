using MixFleet.Analysis.Clipping;
using MixFleet.Analysis.Defects;
using MixFleet.Analysis.Dynamics;
using MixFleet.Analysis.Format;
using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Analysis.SilenceDetection;
using MixFleet.Analysis.Spectrum;
using MixFleet.Analysis.Stereo;

namespace MixFleet.Analysis.Engine;

/// <summary>What one chunk contributes to each metric (see <see cref="IChunkMetric{TPartial, TResult}"/>).</summary>
/// <param name="Loudness">Weighted K-filtered energy of each 10 ms segment of the chunk.</param>
/// <param name="Peaks">Sample and true peak maxima of the chunk, and its last samples for the final flush.</param>
public sealed record ChunkPartial(LoudnessPartial Loudness, PeakPartial Peaks)
{
    /// <summary>The chunk's part of the 3 s DR blocks.</summary>
    public DynamicsPartial? Dynamics { get; init; }

    /// <summary>Clipped runs, overs and DC sums.</summary>
    public ClippingPartial? Clipping { get; init; }

    /// <summary>Audible extent and digital-silence runs.</summary>
    public SilencePartial? Silence { get; init; }

    /// <summary>Stereo sums per 100 ms; null unless the track has two channels.</summary>
    public StereoPartial? Stereo { get; init; }

    /// <summary>Summed power spectrum.</summary>
    public SpectrumPartial? Spectrum { get; init; }

    /// <summary>Clicks, the track's edges and the channel sums.</summary>
    public DefectPartial? Defects { get; init; }

    /// <summary>OR of the integer sample codes.</summary>
    public BitDepthPartial? BitDepth { get; init; }
}
