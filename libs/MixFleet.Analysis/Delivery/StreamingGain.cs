namespace MixFleet.Analysis.Delivery;

/// <summary>What one service would do to a track.</summary>
/// <param name="Platform">The service.</param>
/// <param name="GainDb">Gain the service applies, dB (negative: turned down); null when the loudness is undefined.</param>
/// <param name="PeakLimited">True when the service would turn the track up but the true peak caps the gain below what the target asks.</param>
/// <param name="TruePeakAfterDbtp">The true peak after the gain; null when either is undefined.</param>
public sealed record StreamingGain(StreamingPlatform Platform, double? GainDb, bool PeakLimited, double? TruePeakAfterDbtp);
