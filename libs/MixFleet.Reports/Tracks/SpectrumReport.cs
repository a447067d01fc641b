namespace MixFleet.Reports.Tracks;

/// <summary>Long-term spectrum: band energies, tilt and tonal flags.</summary>
public sealed record SpectrumReport
{
    /// <summary>The seven bands, low to high.</summary>
    public required IReadOnlyList<SpectrumBandReport> Bands { get; init; }

    /// <summary>Spectral tilt, dB/octave (white noise +3, pink 0).</summary>
    public double? TiltDbPerOctave { get; init; }

    /// <summary>Low-mids well above the pink reference.</summary>
    public bool Muddy { get; init; }

    /// <summary>Upper mids above the pink reference.</summary>
    public bool Harsh { get; init; }
}
