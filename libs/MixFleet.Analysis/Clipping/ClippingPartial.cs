using MixFleet.Analysis.Dsp;

namespace MixFleet.Analysis.Clipping;

/// <summary>A chunk's clipping evidence per channel.</summary>
/// <param name="Runs">Runs of full-scale samples per channel (joined across chunks in the merge).</param>
/// <param name="Sums">Σx per channel, for the DC offset.</param>
/// <param name="Frames">The chunk's own frame count.</param>
public sealed record ClippingPartial(RunPartial[] Runs, double[] Sums, int Frames);
