namespace MixFleet.Analysis.Spectrum;

/// <summary>The energy of one band.</summary>
/// <param name="Name">Band name (<c>sub</c>, <c>low</c>, <c>lowMid</c>, <c>mid</c>, <c>highMid</c>, <c>presence</c>, <c>air</c>).</param>
/// <param name="LowHz">Lower edge.</param>
/// <param name="HighHz">Upper edge (the Nyquist frequency for the top band when lower than its nominal edge).</param>
/// <param name="Share">Fraction of the track's energy in the band, 0…1.</param>
/// <param name="LevelDb">10·log10(share): the band's level relative to the whole spectrum; null when the band is empty.</param>
public sealed record SpectrumBand(string Name, double LowHz, double HighHz, double Share, double? LevelDb);
