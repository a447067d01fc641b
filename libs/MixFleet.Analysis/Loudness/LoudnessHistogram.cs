namespace MixFleet.Analysis.Loudness;

/// <summary>
/// Loudness values (400 ms blocks or 3 s short-term windows) kept as counts in 0.005 LU bins from -70 to +30 LUFS (libebur128's range): what
/// an album measure needs of a track, in a size that does not grow with the track's length (libebur128 keeps such a
/// histogram too, with 1,000 bins of 0.1 LU; 0.005 LU bins keep album values within 0.01 LU of the exact pooled result).
/// </summary>
/// <remarks>
/// <para>A bin's values are taken as spread evenly across it: energy sums use the bin centre (each value off by at most
/// 0.0025 LU), the bin holding a gate counts in proportion to its part above the gate, and a percentile is read at its
/// rank's place inside its bin. Values at or below -70 LUFS are not kept: both gates drop them (BS.1770-4 §2.8 and EBU
/// Tech 3342 use a strict "above -70"). Values above +30 LUFS (beyond any real signal: a full-scale stereo square wave
/// reads about +3) count in the top bin. LoudnessHistogramTests holds album values to 0.01 LU of the exact ones.</para>
/// <para>Serialized form (<see cref="Encode"/>): base64 of LEB128 varints, for each run of consecutive non-empty bins
/// its distance from the end of the previous run, its length, then its counts: about one byte per occupied bin, so the
/// size follows the spread of the values, not the track's length.</para>
/// </remarks>
public sealed class LoudnessHistogram
{
    /// <summary>Bin width in LU.</summary>
    public const double BinLu = 0.005;

    /// <summary>Lower edge of the first bin (the absolute gate, exclusive).</summary>
    public const double MinLufs = -70;

    /// <summary>Upper edge of the last bin.</summary>
    public const double MaxLufs = 30;

    /// <summary>Number of bins.</summary>
    public const int Bins = 20_000;

    private static readonly double[] CentreEnergies = [.. Enumerable.Range(0, Bins).Select(i => LoudnessUnits.ToEnergy(CentreLufs(i)))];
    private readonly long[] _counts = new long[Bins];

    /// <summary>Values counted.</summary>
    public long Count { get; private set; }

    /// <summary>The histogram of weighted mean-square energies (values at or below -70 LUFS are left out).</summary>
    public static LoudnessHistogram Of(ReadOnlySpan<double> energies)
    {
        var histogram = new LoudnessHistogram();
        foreach (var energy in energies)
        {
            histogram.Add(energy);
        }

        return histogram;
    }

    /// <summary>Several tracks' values together: an album is gated over the pooled values (BS.1770-4 treats it as one programme).</summary>
    public static LoudnessHistogram Pool(IEnumerable<LoudnessHistogram> histograms)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        var pooled = new LoudnessHistogram();
        foreach (var histogram in histograms)
        {
            for (var i = 0; i < Bins; i++)
            {
                pooled._counts[i] += histogram._counts[i];
            }

            pooled.Count += histogram.Count;
        }

        return pooled;
    }

    /// <summary>Counts one value.</summary>
    public void Add(double energy)
    {
        if (!(energy > LoudnessUnits.ToEnergy(MinLufs)))
        {
            return;
        }

        var bin = (int)Math.Round((LoudnessUnits.ToLufs(energy) - MinLufs) / BinLu) - 1;
        _counts[Math.Clamp(bin, 0, Bins - 1)]++;
        Count++;
    }

    /// <summary>Gated integrated loudness (BS.1770-4 §2.8) of the values, as <see cref="Gating.IntegratedLufs"/> computes it from them one by one.</summary>
    public double? IntegratedLufs()
    {
        var (sum, count) = MeanAbove(MinLufs);
        if (count <= 0)
        {
            return null;
        }

        var relativeGate = LoudnessUnits.ToLufs(sum / count) + Gating.RelativeGateLu;
        (sum, count) = MeanAbove(Math.Max(MinLufs, relativeGate));
        return count <= 0 ? null : LoudnessUnits.ToLufs(sum / count);
    }

    /// <summary>Loudness range (EBU Tech 3342) of short-term values, as <see cref="LoudnessRange.ComputeLu"/> computes it from them one by one.</summary>
    public double? LoudnessRangeLu()
    {
        var (sum, count) = MeanAbove(MinLufs);
        if (count <= 0)
        {
            return null;
        }

        var gate = Math.Max(MinLufs, LoudnessUnits.ToLufs(sum / count) + LoudnessRange.RelativeGateLu);
        var (gateBin, partial) = Split(gate);
        var gated = partial;
        for (var i = gateBin + 1; i < Bins; i++)
        {
            gated += _counts[i];
        }

        if (gated == 0)
        {
            return null;
        }

        // Nearest rank, as LoudnessRange: index ⌊(n−1)·p + 0.5⌋ of the sorted gated values.
        var low = ValueAtRank(gate, gateBin, partial, (long)(((gated - 1) * LoudnessRange.LowPercentile) + 0.5));
        var high = ValueAtRank(gate, gateBin, partial, (long)(((gated - 1) * LoudnessRange.HighPercentile) + 0.5));
        return high - low;
    }

    /// <summary>The compact serialized form: base64 of varints, (gap, length, counts…) per run of non-empty bins.</summary>
    public string Encode()
    {
        var bytes = new List<byte>();
        var end = 0; // one past the previous run
        var i = 0;
        while (i < Bins)
        {
            if (_counts[i] == 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < Bins && _counts[i] != 0)
            {
                i++;
            }

            WriteVarint(bytes, (ulong)(start - end));
            WriteVarint(bytes, (ulong)(i - start));
            for (var b = start; b < i; b++)
            {
                WriteVarint(bytes, (ulong)_counts[b]);
            }

            end = i;
        }

        return Convert.ToBase64String([.. bytes]);
    }

    /// <summary>Reads the form <see cref="Encode"/> writes.</summary>
    /// <exception cref="FormatException">The text is not such a histogram.</exception>
    public static LoudnessHistogram Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var bytes = Convert.FromBase64String(encoded);
        var histogram = new LoudnessHistogram();
        var bin = 0UL;
        var offset = 0;
        while (offset < bytes.Length)
        {
            bin += ReadVarint(bytes, ref offset);
            var length = ReadVarint(bytes, ref offset);
            if (bin + length > Bins)
            {
                throw new FormatException("Not a loudness histogram: bins out of range.");
            }

            for (var n = 0UL; n < length; n++, bin++)
            {
                var count = ReadVarint(bytes, ref offset);
                if (count > int.MaxValue)
                {
                    throw new FormatException("Not a loudness histogram: count out of range.");
                }

                histogram._counts[bin] += (long)count;
                histogram.Count += (long)count;
            }
        }

        return histogram;
    }

    /// <summary>Centre of bin <paramref name="bin"/> in LUFS: the multiples of <see cref="BinLu"/> above -70, so round levels are kept exactly.</summary>
    public static double CentreLufs(int bin) => MinLufs + ((bin + 1) * BinLu);

    // Σ energy and count of the values above the gate. The bin holding the gate counts in proportion to its part above
    // the gate (values spread evenly across a bin), so a gate moving within a bin moves the result smoothly.
    private (double Sum, double Count) MeanAbove(double gateLufs)
    {
        var (gateBin, _) = Split(gateLufs);
        var upper = LowerEdge(gateBin) + BinLu;
        var from = Math.Max(gateLufs, LowerEdge(gateBin));
        var fraction = Math.Clamp((upper - from) / BinLu, 0, 1);
        var sum = fraction * _counts[gateBin] * LoudnessUnits.ToEnergy((from + upper) / 2);
        var count = fraction * _counts[gateBin];
        for (var i = gateBin + 1; i < Bins; i++)
        {
            sum += _counts[i] * CentreEnergies[i];
            count += _counts[i];
        }

        return (sum, count);
    }

    // The bin holding the gate and how many of its values lie above it (rounded, values spread evenly across a bin).
    private (int Bin, long Above) Split(double gateLufs)
    {
        var bin = (int)Math.Clamp(Math.Floor(((gateLufs - MinLufs) / BinLu) - 0.5), 0, Bins - 1);
        var fraction = Math.Clamp((LowerEdge(bin) + BinLu - gateLufs) / BinLu, 0, 1);
        return (bin, (long)Math.Round(fraction * _counts[bin]));
    }

    // The value of a rank among the gated values, placing the values of each bin evenly across it (the gate bin's across
    // its part above the gate): a rank moving by one moves the value by a fraction of a bin, as it would on the values.
    private double ValueAtRank(double gateLufs, int gateBin, long partial, long rank)
    {
        if (rank < partial)
        {
            var top = LowerEdge(gateBin) + BinLu;
            var from = Math.Max(gateLufs, LowerEdge(gateBin));
            return from + ((top - from) * (rank + 0.5) / partial);
        }

        rank -= partial;
        for (var i = gateBin + 1; i < Bins; i++)
        {
            if (rank < _counts[i])
            {
                return LowerEdge(i) + (BinLu * (rank + 0.5) / _counts[i]);
            }

            rank -= _counts[i];
        }

        return MaxLufs;
    }

    private static double LowerEdge(int bin) => MinLufs + ((bin + 0.5) * BinLu);

    private static void WriteVarint(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }

    private static ulong ReadVarint(byte[] bytes, ref int offset)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (offset >= bytes.Length)
            {
                throw new FormatException("Not a loudness histogram: truncated varint.");
            }

            var b = bytes[offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("Not a loudness histogram: varint too long.");
    }
}
