namespace MixFleet.Reports.Tracks;

/// <summary>Peak levels; null for digital silence.</summary>
public sealed record PeaksReport
{
    /// <summary>Largest sample, dBFS.</summary>
    public double? SamplePeakDbfs { get; init; }

    /// <summary>True peak (BS.1770-4 Annex 2), dBTP.</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>Oversampling factor used for the true peak (4 below 96 kHz, 2 below 192 kHz, else 1).</summary>
    public int TruePeakOversampling { get; init; }
}
