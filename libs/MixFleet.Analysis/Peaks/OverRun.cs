namespace MixFleet.Analysis.Peaks;

/// <summary>
/// Consecutive 10 ms segments of one channel whose reconstructed peak exceeds the over ceiling
/// (<see cref="AnalysisOptions.OverCeilingDbtp"/>): one inter-sample over event, afclip-style.
/// </summary>
/// <param name="Channel">Channel index, from 0.</param>
/// <param name="StartFrame">First frame of the first segment over the ceiling.</param>
/// <param name="Frames">Frames of the segments over the ceiling.</param>
/// <param name="Peak">Largest reconstructed |x| of the run, linear.</param>
public readonly record struct OverRun(int Channel, long StartFrame, long Frames, float Peak);
