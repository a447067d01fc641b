namespace MixFleet.Analysis.Spectrum;

/// <summary>
/// A chunk's spectrum, already reduced to what the merge needs: the energy of each reporting band and each octave band
/// of the tilt fit (Σ|X[k]|² over their bins, frames and channels), and the total above DC. A few dozen numbers per
/// chunk, so a three-hour track's partials stay small.
/// </summary>
/// <param name="RangeEnergies">Energies of <see cref="SpectrumMetric"/>'s ranges: the seven bands, then the octave bands.</param>
/// <param name="Total">Σ|X[k]|² over every bin above DC.</param>
/// <param name="Frames">Analysis frames measured.</param>
public sealed record SpectrumPartial(double[] RangeEnergies, double Total, int Frames);
