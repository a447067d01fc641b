namespace MixFleet.Analysis.Format;

/// <summary>What the samples say about their resolution.</summary>
/// <param name="EffectiveBitDepth">
/// Significant bits: the stored depth minus the low bits that are zero in every sample (a 16-bit master padded into a
/// 24-bit file reads 16); null for float or lossy sources, depths above 24 bits, non-integer data and digital silence.
/// </param>
public sealed record BitDepthResult(int? EffectiveBitDepth);
