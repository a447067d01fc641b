namespace MixFleet.Reports.Albums;

/// <summary>One band of a track's long-term spectrum (the hook for a spectrum metric).</summary>
public sealed record SpectrumBand
{
    /// <summary>Centre frequency, Hz.</summary>
    public required double FrequencyHz { get; init; }

    /// <summary>Band level relative to full scale, dB.</summary>
    public required double LevelDb { get; init; }
}
