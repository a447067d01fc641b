namespace MixFleet.Analysis.Peaks;

/// <summary>Sample and true peaks of a track.</summary>
public sealed record PeakResult
{
    /// <summary>Largest absolute sample over all channels, linear (1.0 = full scale).</summary>
    public required double SamplePeak { get; init; }

    /// <summary>Largest absolute oversampled value over all channels, linear.</summary>
    public required double TruePeak { get; init; }

    /// <summary>Per-channel sample peaks, linear.</summary>
    public required IReadOnlyList<double> ChannelSamplePeaks { get; init; }

    /// <summary>Per-channel true peaks, linear.</summary>
    public required IReadOnlyList<double> ChannelTruePeaks { get; init; }

    /// <summary>Interpolated values above full scale over all channels, at the oversampled rate (inter-sample overs).</summary>
    public required long InterSampleOvers { get; init; }

    /// <summary>Every run of 10 ms segments over the over ceiling, in time order then channel (inter-sample over events).</summary>
    public IReadOnlyList<OverRun> OverRuns { get; init; } = [];

    /// <summary>The ceiling the over events are measured against, dBTP (<see cref="AnalysisOptions.OverCeilingDbtp"/>).</summary>
    public double OverCeilingDbtp { get; init; }

    /// <summary>How the true peak was measured.</summary>
    public TruePeakMode Mode { get; init; }

    /// <summary>Points per sample of the true-peak grid (8 for the reconstruction; 4, 2 or 1 for Annex 2).</summary>
    public int Oversampling { get; init; } = 8;

    /// <summary>Sample peak in dBFS; null for digital silence.</summary>
    public double? SamplePeakDbfs => Decibels.FromAmplitudeOrNull(SamplePeak);

    /// <summary>True peak in dBTP; null for digital silence.</summary>
    public double? TruePeakDbtp => Decibels.FromAmplitudeOrNull(TruePeak);
}
