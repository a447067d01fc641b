namespace MixFleet.Analysis.Dsp;

/// <summary>A run of consecutive frames (or samples of one channel) in track positions.</summary>
/// <param name="Start">First frame of the run.</param>
/// <param name="Length">Frames in the run.</param>
public readonly record struct FrameRun(long Start, long Length);
