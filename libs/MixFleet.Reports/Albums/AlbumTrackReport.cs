using MixFleet.Reports.Qc;

namespace MixFleet.Reports.Albums;

/// <summary>One track in album order, with its place in the album's loudness, headroom and verdicts.</summary>
public sealed record AlbumTrackReport
{
    /// <summary>Track number (on its disc or side); null when unnumbered.</summary>
    public int? Number { get; init; }

    /// <summary>The file.</summary>
    public required string Path { get; init; }

    /// <summary>1-based place in album order.</summary>
    public required int Position { get; init; }

    /// <summary>Disc number, when stated by the file name.</summary>
    public int? Disc { get; init; }

    /// <summary>Vinyl side, when stated by the file name.</summary>
    public string? Side { get; init; }

    /// <summary>The number as a listener reads it: <c>3</c>, <c>2-03</c>, <c>B1</c>.</summary>
    public required string Label { get; init; }

    /// <summary>Where the number came from: <c>tag</c>, <c>fileName</c> or <c>none</c>.</summary>
    public required NumberSource NumberSource { get; init; }

    /// <summary>Title tag.</summary>
    public string? Title { get; init; }

    /// <summary>ISRC as stored.</summary>
    public string? Isrc { get; init; }

    /// <summary>Duration, seconds.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Start time within the album (sum of the durations before), seconds.</summary>
    public double StartSeconds { get; init; }

    /// <summary>Integrated loudness, LUFS.</summary>
    public double? IntegratedLufs { get; init; }

    /// <summary>Track loudness minus album loudness, LU.</summary>
    public double? DeviationLu { get; init; }

    /// <summary>Loudness range, LU.</summary>
    public double? LoudnessRangeLu { get; init; }

    /// <summary>True peak, dBTP.</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>Sample peak, dBFS.</summary>
    public double? SamplePeakDbfs { get; init; }

    /// <summary>The profile's peak ceiling minus the true peak (sample peak when the ceiling is a sample-peak one), dB.</summary>
    public double? HeadroomDb { get; init; }

    /// <summary>Silence before the first sound, seconds; null when not measured.</summary>
    public double? LeadingSilenceSeconds { get; init; }

    /// <summary>Silence after the last sound, seconds; null when not measured.</summary>
    public double? TrailingSilenceSeconds { get; init; }

    /// <summary>Short-term (3 s) loudness every <see cref="ShortTermStepSeconds"/> s, LUFS; null entries are silence (below -70 LUFS).</summary>
    public IReadOnlyList<double?> ShortTermLufs { get; init; } = [];

    /// <summary>Seconds between entries of <see cref="ShortTermLufs"/> (1 up to 30 minutes).</summary>
    public int ShortTermStepSeconds { get; init; } = 1;

    /// <summary>Long-term spectrum; null when not measured.</summary>
    public IReadOnlyList<SpectrumBand>? SpectrumBands { get; init; }

    /// <summary>Proposed fix for this track on its own: the gain to the profile's target; null without a loudness rule.</summary>
    public GainFix? Fix { get; init; }

    /// <summary>This track under the album's one gain (<see cref="AlbumReport.Fix"/>): balance kept; null without a loudness rule.</summary>
    public GainFix? AlbumFix { get; init; }

    /// <summary>Worst verdict of this track.</summary>
    public required VerdictStatus Status { get; init; }

    /// <summary>Every rule applied to this track.</summary>
    public required IReadOnlyList<RuleVerdict> Verdicts { get; init; }

    /// <summary>Error code when the file could not be analyzed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The track's defects (first 100 of each kind, in time order), for the plots' markers; empty when none or not measured.</summary>
    public IReadOnlyList<Tracks.DefectReport> Defects { get; init; } = [];

    /// <summary>How many defects of each kind (listed or not); null when not measured.</summary>
    public IReadOnlyDictionary<string, long>? DefectTotals { get; init; }

    /// <summary>The codec preview (true peak after an AAC and an Opus encode); null when not run.</summary>
    public IReadOnlyList<Tracks.CodecPreviewReport>? CodecPreview { get; init; }
}
