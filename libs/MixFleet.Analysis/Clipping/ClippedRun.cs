namespace MixFleet.Analysis.Clipping;

/// <summary>One run of clipped samples.</summary>
/// <param name="Channel">Channel index, from 0.</param>
/// <param name="StartSeconds">Where the run starts.</param>
/// <param name="Samples">Length in samples.</param>
public sealed record ClippedRun(int Channel, double StartSeconds, long Samples);
