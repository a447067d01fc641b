namespace MixFleet.Analysis.Spectrum;

/// <summary>Long-term spectrum of a track: band energies, tilt and tonal-balance flags.</summary>
public sealed record SpectrumResult
{
    /// <summary>The seven bands, low to high (bands above the Nyquist frequency have no energy).</summary>
    public required IReadOnlyList<SpectrumBand> Bands { get; init; }

    /// <summary>Slope of the octave-band levels (63 Hz … 16 kHz) against octave number, dB/octave: white noise +3, pink 0; null for silence.</summary>
    public double? TiltDbPerOctave { get; init; }

    /// <summary>Low-mids (250–500 Hz) more than <see cref="SpectrumMetric.MuddyExcessDb"/> above the pink reference relative to the mids.</summary>
    public required bool Muddy { get; init; }

    /// <summary>Upper mids (2–6 kHz) more than <see cref="SpectrumMetric.HarshExcessDb"/> above the pink reference relative to the mids.</summary>
    public required bool Harsh { get; init; }

    /// <summary>FFT frames measured (frame length <see cref="FrameLength"/>, Hann window, no overlap).</summary>
    public required long FramesMeasured { get; init; }

    /// <summary>FFT frame length in samples.</summary>
    public required int FrameLength { get; init; }
}
