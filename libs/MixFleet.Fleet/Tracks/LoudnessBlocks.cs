namespace MixFleet.Fleet.Tracks;

/// <summary>
/// The loudness data an album measure pools, kept in the stored track report so an album never needs a second decode:
/// BS.1770 weighted mean-square energies (channel weights applied, ungated), one per 100 ms hop.
/// </summary>
public sealed record LoudnessBlocks
{
    /// <summary>Energies of the 400 ms gating blocks (100 ms hop).</summary>
    public IReadOnlyList<double> BlockEnergies { get; init; } = [];

    /// <summary>Energies of the 3 s short-term windows (100 ms hop): first = first 3 s, last = last 3 s.</summary>
    public IReadOnlyList<double> ShortTermEnergies { get; init; } = [];
}
