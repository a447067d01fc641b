using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Audio;

namespace MixFleet.Analysis;

/// <summary>Everything measured on one track.</summary>
public sealed record TrackAnalysis
{
    /// <summary>The decoded stream's format and tags.</summary>
    public required AudioStreamInfo Format { get; init; }

    /// <summary>Frames actually decoded.</summary>
    public required long Frames { get; init; }

    /// <summary>Decoded duration in seconds.</summary>
    public double DurationSeconds => (double)Frames / Format.SampleRate;

    /// <summary>Whether a mono file was measured as dual-mono.</summary>
    public required bool DualMono { get; init; }

    /// <summary>BS.1770 / EBU R128 loudness.</summary>
    public required LoudnessResult Loudness { get; init; }

    /// <summary>Sample and true peaks.</summary>
    public required PeakResult Peaks { get; init; }
}
