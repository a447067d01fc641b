namespace MixFleet.Analysis.Loudness;

/// <summary>A chunk's weighted K-filtered energy per completed 10 ms segment, in order.</summary>
/// <param name="Segments">Σ Gᵢ·yᵢ² of each segment of the chunk; a trailing partial segment (end of track) is left out.</param>
/// <param name="FoldDownSegments">For two channels: the same for the mono fold-down (L+R)/2 on both speakers; else empty.</param>
public sealed record LoudnessPartial(double[] Segments, double[] FoldDownSegments);
