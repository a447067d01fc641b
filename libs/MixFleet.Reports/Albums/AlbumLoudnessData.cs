using MixFleet.Analysis.Loudness;

namespace MixFleet.Reports.Albums;

/// <summary>
/// What an album measure keeps of one track's loudness, in a size that does not grow with the track's length (a few
/// KB; the fleet stores it beside the track report): the 400 ms block and 3 s short-term values as 0.005 LU histograms
/// (<see cref="LoudnessHistogram"/>, album loudness and LRA within 0.01 LU of the exact pooled values), the short-term
/// series for plots, and the first and last short-term values for transitions.
/// </summary>
public sealed record AlbumLoudnessData
{
    /// <summary>The 400 ms gating blocks (100 ms hop), <see cref="LoudnessHistogram.Encode"/> form.</summary>
    public required string BlockHistogram { get; init; }

    /// <summary>The 3 s short-term values (100 ms hop), <see cref="LoudnessHistogram.Encode"/> form.</summary>
    public required string ShortTermHistogram { get; init; }

    /// <summary>Short-term loudness every <see cref="ShortTermStepSeconds"/> s (entry i: window ending at 3 + i·step s), LUFS; null below -70.</summary>
    public IReadOnlyList<double?> ShortTermLufs { get; init; } = [];

    /// <summary>Seconds between entries of <see cref="ShortTermLufs"/>.</summary>
    public int ShortTermStepSeconds { get; init; } = 1;

    /// <summary>The first 3 s window, LUFS; null when silent or shorter than 3 s.</summary>
    public double? FirstShortTermLufs { get; init; }

    /// <summary>The last 3 s window, LUFS; null when silent or shorter than 3 s.</summary>
    public double? LastShortTermLufs { get; init; }

    /// <summary>The data of a measured track.</summary>
    public static AlbumLoudnessData From(LoudnessResult loudness)
    {
        ArgumentNullException.ThrowIfNull(loudness);
        var (step, series) = ShortTermSeries.Sample(loudness.ShortTermEnergies);
        var energies = loudness.ShortTermEnergies;
        return new AlbumLoudnessData
        {
            BlockHistogram = loudness.BlockHistogram.Encode(),
            ShortTermHistogram = loudness.ShortTermHistogram.Encode(),
            ShortTermLufs = [.. series.Select(Audible)],
            ShortTermStepSeconds = step,
            FirstShortTermLufs = energies.Length > 0 ? Audible(energies[0]) : null,
            LastShortTermLufs = energies.Length > 0 ? Audible(energies[^1]) : null,
        };
    }

    private static double? Audible(double energy) =>
        energy > LoudnessUnits.ToEnergy(LoudnessRange.AbsoluteGateLufs) ? Math.Round(LoudnessUnits.ToLufs(energy), 2) : null;
}
