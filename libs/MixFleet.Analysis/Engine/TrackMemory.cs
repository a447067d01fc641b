using MixFleet.Audio;

namespace MixFleet.Analysis.Engine;

/// <summary>
/// What a track costs in memory, for its admission against the <see cref="MemoryBudget"/>: one chunk buffer, the
/// pre-roll tail carried from chunk to chunk, the decode block, and the partials kept until the merge (proportional
/// to the track's length).
/// </summary>
internal static class TrackMemory
{
    /// <summary>
    /// Partials kept per second of audio until the merge, and what the merge builds from them, per channel and for the
    /// track (10 ms loudness segments and fold-down, 100 ms stereo sums, 3 s dynamics blocks, chunk heads and tails),
    /// rounded up from the managed heap measured after a 45-minute stereo track (docs/performance.md).
    /// </summary>
    public const int StateBytesPerSecond = 8 * 1024;

    /// <summary>The duration assumed when the stream does not tell it (ffmpeg pipes without a duration).</summary>
    public const int UnknownDurationSeconds = 3600;

    /// <summary>Bytes of one chunk buffer: every channel's pre-roll and frames.</summary>
    public static long ChunkBytes(AudioStreamInfo info, ChunkLayout layout) => 4L * info.Channels * (layout.PreRollFrames + layout.MaxChunkFrames);

    /// <summary>Bytes of the pre-roll tail.</summary>
    public static long TailBytes(AudioStreamInfo info, ChunkLayout layout) => 4L * info.Channels * layout.PreRollFrames;

    /// <summary>The admission: one chunk, the tail, the decode block and the track's state.</summary>
    public static long Admission(AudioStreamInfo info, ChunkLayout layout, int blockFrames)
    {
        var seconds = info.DurationSeconds ?? UnknownDurationSeconds;
        // Each chunk's partial also keeps a few ms of every channel (the click detector's context at both ends).
        var chunks = (long)Math.Ceiling(seconds * 100 / layout.SegmentsPerChunk);
        var perChunk = 4L * info.Channels * Defects.DefectMetric.PreRollFrames(info.SampleRate);
        return ChunkBytes(info, layout) + TailBytes(info, layout) + (4L * info.Channels * blockFrames) + (long)(seconds * StateBytesPerSecond) + (chunks * perChunk);
    }
}
