namespace MixFleet.Analysis.Dynamics;

/// <summary>
/// The DR value of one channel from its 3 s blocks, per the common DR-meter definition (STANDARDS.md; the Pleasurize
/// Music Foundation's TT DR meter, as reimplemented by e.g. dr14_t.meter).
/// </summary>
public static class DrScore
{
    /// <summary>Share of blocks, by RMS, that make up the loud part.</summary>
    public const double LoudestShare = 0.2;

    /// <summary>
    /// DR = 20·log10(P₂ / R): P₂ the second-highest block peak (the highest when there is one block), R the quadratic
    /// mean of the block RMS values (RMS = sqrt(2·mean x²)) of the loudest 20 % of blocks, ⌊0.2·n⌋ and at least one.
    /// Null when the loud blocks are silent.
    /// </summary>
    public static double? Channel(IReadOnlyList<double> blockRms, IReadOnlyList<double> blockPeaks)
    {
        ArgumentNullException.ThrowIfNull(blockRms);
        ArgumentNullException.ThrowIfNull(blockPeaks);
        var n = blockRms.Count;
        if (n == 0)
        {
            return null;
        }

        var loud = Math.Max(1, (int)Math.Floor(n * LoudestShare));
        var rms = blockRms.OrderByDescending(r => r).Take(loud).ToArray();
        var r = Math.Sqrt(rms.Sum(v => v * v) / loud);
        var peaks = blockPeaks.OrderByDescending(p => p).ToArray();
        var peak = peaks.Length > 1 ? peaks[1] : peaks[0];
        return r > 0 && peak > 0 ? 20 * Math.Log10(peak / r) : null;
    }
}
