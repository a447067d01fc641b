namespace MixFleet.Analysis.Spectrum;

/// <summary>A chunk's summed power spectrum over the analysis frames that end inside it.</summary>
/// <param name="Power">Σ|X[k]|² over frames and channels, bins 0 … N/2.</param>
/// <param name="Frames">Analysis frames measured.</param>
public sealed record SpectrumPartial(double[] Power, int Frames);
