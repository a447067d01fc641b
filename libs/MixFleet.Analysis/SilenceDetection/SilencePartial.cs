using MixFleet.Analysis.Dsp;

namespace MixFleet.Analysis.SilenceDetection;

/// <summary>A chunk's silence evidence.</summary>
/// <param name="FirstAudible">Track frame of the chunk's first frame above the threshold in any channel; null if none.</param>
/// <param name="LastAudible">Track frame of the chunk's last such frame; null if none.</param>
/// <param name="Zeros">Runs of digital silence (every channel exactly 0).</param>
public sealed record SilencePartial(long? FirstAudible, long? LastAudible, RunPartial Zeros);
