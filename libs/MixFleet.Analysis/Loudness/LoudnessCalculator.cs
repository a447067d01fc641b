namespace MixFleet.Analysis.Loudness;

/// <summary>
/// The merge half of the loudness meter: rebuilds every BS.1770 / EBU R128 measure from 10 ms segment energies.
/// </summary>
/// <remarks>
/// Only complete windows count: a track shorter than 400 ms has no integrated or momentary loudness, one shorter
/// than 3 s no short-term loudness or LRA (null, never a made-up number). Windows are the exact union of their
/// segments, their energy is the segment sum divided by the window's sample count.
/// </remarks>
public static class LoudnessCalculator
{
    /// <summary>Gating block: 400 ms (BS.1770-4 §2.5).</summary>
    public const int BlockSegments = 40;

    /// <summary>Hop between gating blocks: 100 ms, i.e. 75 % overlap (BS.1770-4 §2.5).</summary>
    public const int BlockHopSegments = 10;

    /// <summary>Short-term window: 3 s (EBU Tech 3341 §2.2).</summary>
    public const int ShortTermSegments = 300;

    /// <summary>Hop between short-term values used for their maximum and for LRA: 100 ms (ffmpeg's choice; libebur128 uses 1 s).</summary>
    public const int ShortTermHopSegments = 10;

    /// <summary>Short-term values per second at <see cref="ShortTermHopSegments"/>.</summary>
    public const int SegmentsPerSecondOfHop = LoudnessAccumulator.SegmentsPerSecond / ShortTermHopSegments;

    /// <summary>Hop between momentary values for the maximum: 10 ms (EBU Tech 3341 cases 12–14 need ≤ 10 ms).</summary>
    public const int MomentaryHopSegments = 1;

    /// <summary>Computes the track's loudness from its completed segment energies.</summary>
    public static LoudnessResult Compute(ReadOnlySpan<double> segments, int sampleRate)
    {
        var blocks = Windows(segments, sampleRate, BlockSegments, BlockHopSegments);
        var shortTerm = Windows(segments, sampleRate, ShortTermSegments, ShortTermHopSegments);
        var momentaryMax = MaxWindow(segments, sampleRate, BlockSegments, MomentaryHopSegments);
        return new LoudnessResult
        {
            IntegratedLufs = Gating.IntegratedLufs(blocks),
            LoudnessRangeLu = LoudnessRange.ComputeLu(shortTerm),
            MomentaryMaxLufs = momentaryMax is { } m ? LoudnessUnits.ToLufsOrNull(m) : null,
            ShortTermMaxLufs = shortTerm.Length > 0 ? LoudnessUnits.ToLufsOrNull(shortTerm.Max()) : null,
            BlockEnergies = blocks,
            ShortTermEnergies = shortTerm,
        };
    }

    /// <summary>Energies of the complete windows of <paramref name="length"/> segments every <paramref name="hop"/> segments.</summary>
    public static double[] Windows(ReadOnlySpan<double> segments, int sampleRate, int length, int hop)
    {
        if (segments.Length < length)
        {
            return [];
        }

        var result = new double[((segments.Length - length) / hop) + 1];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = WindowEnergy(segments, sampleRate, (long)i * hop, length);
        }

        return result;
    }

    private static double? MaxWindow(ReadOnlySpan<double> segments, int sampleRate, int length, int hop)
    {
        double? max = null;
        for (long start = 0; start + length <= segments.Length; start += hop)
        {
            var energy = WindowEnergy(segments, sampleRate, start, length);
            if (max is null || energy > max)
            {
                max = energy;
            }
        }

        return max;
    }

    private static double WindowEnergy(ReadOnlySpan<double> segments, int sampleRate, long start, int length)
    {
        var sum = 0.0;
        foreach (var s in segments.Slice((int)start, length))
        {
            sum += s;
        }

        var samples = LoudnessAccumulator.SegmentStart(start + length, sampleRate) - LoudnessAccumulator.SegmentStart(start, sampleRate);
        return sum / samples;
    }
}
