namespace MixFleet.Reports.Tracks;

/// <summary>The energy of one spectrum band.</summary>
public sealed record SpectrumBandReport
{
    /// <summary><c>sub</c>, <c>low</c>, <c>lowMid</c>, <c>mid</c>, <c>highMid</c>, <c>presence</c> or <c>air</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Lower edge, Hz.</summary>
    public double LowHz { get; init; }

    /// <summary>Upper edge, Hz.</summary>
    public double HighHz { get; init; }

    /// <summary>Share of the track's energy, percent.</summary>
    public double EnergyPercent { get; init; }

    /// <summary>Level relative to the whole spectrum, dB.</summary>
    public double? LevelDb { get; init; }
}
