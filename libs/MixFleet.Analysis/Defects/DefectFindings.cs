namespace MixFleet.Analysis.Defects;

/// <summary>What the defect metric finds itself: clicks, abrupt edges and the channel relations. Dropouts, clipping, DC and overs come from their own metrics (<see cref="DefectList"/>).</summary>
public sealed record DefectFindings
{
    /// <summary>Every click, in time order (a click in every channel at once is one entry per channel here).</summary>
    public required IReadOnlyList<Click> Clicks { get; init; }

    /// <summary>RMS of the loudest channel over the first <see cref="DefectMetric.EdgeSeconds"/>, dBFS; null for digital silence.</summary>
    public double? StartRmsDbfs { get; init; }

    /// <summary>RMS of the loudest channel over the last <see cref="DefectMetric.EdgeSeconds"/>, dBFS; null for digital silence.</summary>
    public double? EndRmsDbfs { get; init; }

    /// <summary>Stereo only: the two channels are bit-identical.</summary>
    public bool Identical { get; init; }

    /// <summary>Stereo only: energy of L−R relative to the mean channel energy, dB; null when not stereo or silent.</summary>
    public double? DifferenceDb { get; init; }

    /// <summary>Stereo only: ΣLR / √(ΣL²·ΣR²) over the track; null when not stereo or a channel is silent.</summary>
    public double? Correlation { get; init; }
}
