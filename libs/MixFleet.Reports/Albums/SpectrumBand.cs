namespace MixFleet.Reports.Albums;

/// <summary>One band of a track's long-term spectrum, for the album report's plot.</summary>
public sealed record SpectrumBand
{
    /// <summary>Geometric centre frequency of the band, Hz.</summary>
    public required double FrequencyHz { get; init; }

    /// <summary>The band's share of the track's energy, dB (0 dB = all of it).</summary>
    public required double LevelDb { get; init; }
}
