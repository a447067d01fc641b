namespace MixFleet.Analysis.Defects;

/// <summary>One click found by <see cref="ClickDetector"/>.</summary>
/// <param name="Channel">Channel index, from 0.</param>
/// <param name="Frame">Track frame of the click's first sample over the threshold.</param>
/// <param name="Frames">Frames from the first to the last sample over the threshold.</param>
/// <param name="RatioDb">How far the click's residual stands above the local level, dB.</param>
public readonly record struct Click(int Channel, long Frame, int Frames, double RatioDb);
