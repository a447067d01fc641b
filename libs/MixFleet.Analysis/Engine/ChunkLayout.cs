using MixFleet.Analysis.Loudness;

namespace MixFleet.Analysis.Engine;

/// <summary>
/// Where chunks start and how much pre-roll each gets. Chunk k covers 10 ms segments [k·S, (k+1)·S), so its
/// frames are [⌊k·S·fs/100⌋, ⌊(k+1)·S·fs/100⌋): every chunk boundary is a segment boundary at any sample rate.
/// </summary>
public sealed class ChunkLayout
{
    /// <summary>Creates the layout of a track.</summary>
    /// <param name="sampleRate">Frames per second.</param>
    /// <param name="segmentsPerChunk">Chunk length in 10 ms segments.</param>
    /// <param name="preRollSeconds">Pre-roll length; see <see cref="AnalysisOptions.PreRollSeconds"/>.</param>
    public ChunkLayout(int sampleRate, int segmentsPerChunk, double preRollSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentsPerChunk, 1);
        SampleRate = sampleRate;
        SegmentsPerChunk = segmentsPerChunk;
        PreRollFrames = Math.Max(Math.Max(MinimumPreRollFrames, Defects.DefectMetric.PreRollFrames(sampleRate)), (int)Math.Ceiling(preRollSeconds * sampleRate));
        var maxFrames = ((((long)segmentsPerChunk * sampleRate) + LoudnessAccumulator.SegmentsPerSecond - 1) / LoudnessAccumulator.SegmentsPerSecond) + 1;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxFrames, MaxFramesPerChunk, nameof(segmentsPerChunk));
        MaxChunkFrames = (int)maxFrames;
    }

    /// <summary>The true-peak kernels need their history (<see cref="Peaks.TruePeakKernels.MaxHistory"/>: 52 samples).</summary>
    public const int MinimumPreRollFrames = 64;

    /// <summary>Upper bound on a chunk's frames (2^26: 23 minutes at 48 kHz), so a chunk's buffers stay allocatable.</summary>
    public const int MaxFramesPerChunk = 1 << 26;

    /// <summary>Frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>Chunk length in 10 ms segments.</summary>
    public int SegmentsPerChunk { get; }

    /// <summary>Frames of pre-roll before every chunk: at least the true-peak kernels' history and the click detector's look-back plus look-ahead (~36 ms, <see cref="Defects.DefectMetric.PreRollFrames"/>).</summary>
    public int PreRollFrames { get; }

    /// <summary>Upper bound of any chunk's frame count.</summary>
    public int MaxChunkFrames { get; }

    /// <summary>First frame of chunk <paramref name="index"/>.</summary>
    public long StartFrame(int index) => LoudnessAccumulator.SegmentStart((long)index * SegmentsPerChunk, SampleRate);

    /// <summary>Frame count of chunk <paramref name="index"/> when the track continues past it.</summary>
    public int Frames(int index) => (int)(StartFrame(index + 1) - StartFrame(index));
}
