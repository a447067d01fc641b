using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;

namespace MixFleet.Analysis.Engine;

/// <summary>What one chunk contributes to each metric (see <see cref="IChunkMetric{TPartial, TResult}"/>).</summary>
/// <param name="Loudness">Weighted K-filtered energy of each 10 ms segment of the chunk.</param>
/// <param name="Peaks">Sample and true peak maxima of the chunk, and its last samples for the final flush.</param>
public sealed record ChunkPartial(LoudnessPartial Loudness, PeakPartial Peaks);
