using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Albums;

/// <summary>
/// What the album report needs of one track: the track report's values plus the loudness data an album measure
/// pools (<see cref="AlbumLoudnessData"/>: block and short-term histograms, the short-term series). Built from a fresh
/// analysis (CLI) or from a stored track report with its data (fleet), the same way, so an album never needs a second
/// decode and both give the same numbers.
/// </summary>
public sealed record AlbumTrackInput
{
    /// <summary>The file, as reported.</summary>
    public required string Path { get; init; }

    /// <summary>The album key: the folder (CLI) or object-key prefix (fleet).</summary>
    public required string Album { get; init; }

    /// <summary>Tags, when the header was read.</summary>
    public TagsReport? Tags { get; init; }

    /// <summary>Format, when the header was read.</summary>
    public FormatReport? Format { get; init; }

    /// <summary>Track integrated loudness, LUFS.</summary>
    public double? IntegratedLufs { get; init; }

    /// <summary>Track loudness range, LU.</summary>
    public double? LoudnessRangeLu { get; init; }

    /// <summary>True peak, dBTP.</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>Sample peak, dBFS.</summary>
    public double? SamplePeakDbfs { get; init; }

    /// <summary>Duration, seconds.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>The loudness data album measures pool; null when not analyzed (the track then counts for ordering and metadata only).</summary>
    public AlbumLoudnessData? Loudness { get; init; }

    /// <summary>Silence before the first sound, seconds; null until the silence metric provides it.</summary>
    public double? LeadingSilenceSeconds { get; init; }

    /// <summary>Silence after the last sound, seconds; null until the silence metric provides it.</summary>
    public double? TrailingSilenceSeconds { get; init; }

    /// <summary>Spectrum hook: band levels when a spectrum metric measured them; null renders "not measured".</summary>
    public IReadOnlyList<SpectrumBand>? SpectrumBands { get; init; }

    /// <summary>Fades and body loudness at both ends (from the track report, so CLI and fleet read the same); null when not measured.</summary>
    public EdgesReport? Edges { get; init; }

    /// <summary>The track's defects as reported (first 100 of each kind); null when not measured.</summary>
    public IReadOnlyList<DefectReport>? Defects { get; init; }

    /// <summary>How many defects of each kind; null when not measured.</summary>
    public IReadOnlyDictionary<string, long>? DefectTotals { get; init; }

    /// <summary>The codec preview as reported; null when not run.</summary>
    public IReadOnlyList<CodecPreviewReport>? CodecPreview { get; init; }

    /// <summary>Why the file could not be analyzed; null when it was.</summary>
    public ErrorReport? Error { get; init; }
}
