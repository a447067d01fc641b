namespace MixFleet.Analysis.Dsp;

/// <summary>
/// The runs one chunk sees of some per-frame condition: the run touching its first frame (head), the run touching its
/// last frame (tail) and the runs strictly inside (already at least the minimum length). Head and tail may continue
/// into the neighbouring chunks, so <see cref="RunJoiner"/> joins them in the merge.
/// </summary>
/// <param name="StartFrame">Track frame of the chunk's first frame.</param>
/// <param name="Frames">The chunk's frame count.</param>
/// <param name="Head">Length of the run starting at the chunk's first frame (0 if none; <paramref name="Frames"/> when the whole chunk is one run).</param>
/// <param name="Tail">Length of the run ending at the chunk's last frame (0 if none).</param>
/// <param name="Inner">Runs touching neither end, in order.</param>
public sealed record RunPartial(long StartFrame, int Frames, int Head, int Tail, FrameRun[] Inner);
