namespace MixFleet.Analysis.Delivery;

/// <summary>How a streaming service normalizes loudness.</summary>
/// <param name="Name">Service name.</param>
/// <param name="TargetLufs">Normalization target.</param>
/// <param name="TurnsUp">Whether quiet tracks are turned up (only while the true peak stays at or below <paramref name="PeakCeilingDbtp"/>).</param>
/// <param name="PeakCeilingDbtp">The true peak an up-gain may not exceed.</param>
public sealed record StreamingPlatform(string Name, double TargetLufs, bool TurnsUp, double PeakCeilingDbtp);
