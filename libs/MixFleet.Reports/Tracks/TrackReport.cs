namespace MixFleet.Reports.Tracks;

/// <summary>The report of one file: its measurements, or the reason it could not be measured.</summary>
public sealed record TrackReport
{
    /// <summary>The file as given or found (relative to the working directory when it was given relatively).</summary>
    public required string Path { get; init; }

    /// <summary>The album (folder) the file belongs to.</summary>
    public required string Album { get; init; }

    /// <summary>Format, when the header could be read.</summary>
    public FormatReport? Format { get; init; }

    /// <summary>Tags, when the header could be read.</summary>
    public TagsReport? Tags { get; init; }

    /// <summary>Loudness, when the file was analyzed.</summary>
    public LoudnessReport? Loudness { get; init; }

    /// <summary>Peaks, when the file was analyzed.</summary>
    public PeaksReport? Peaks { get; init; }

    /// <summary>Dynamics, when the file was analyzed.</summary>
    public DynamicsReport? Dynamics { get; init; }

    /// <summary>Stereo image; null for anything but two channels.</summary>
    public StereoReport? Stereo { get; init; }

    /// <summary>Long-term spectrum.</summary>
    public SpectrumReport? Spectrum { get; init; }

    /// <summary>Clipping, overs and DC offset.</summary>
    public ClippingReport? Clipping { get; init; }

    /// <summary>Silence and dropouts.</summary>
    public SilenceReport? Silence { get; init; }

    /// <summary>Defects at known places, in time order: the first 100 of each kind (<see cref="DefectTotals"/> counts them all); null when not measured.</summary>
    public IReadOnlyList<DefectReport>? Defects { get; init; }

    /// <summary>How many defects of each kind the track has, listed or not; every kind is present; null when not measured.</summary>
    public IReadOnlyDictionary<string, long>? DefectTotals { get; init; }

    /// <summary>Streaming normalization preview, one entry per service.</summary>
    public IReadOnlyList<StreamingReport>? Streaming { get; init; }

    /// <summary>Pre-mastering checks.</summary>
    public MixReadinessReport? MixReadiness { get; init; }

    /// <summary>Fades and body loudness at both ends (album sequencing); null when not measured.</summary>
    public EdgesReport? Edges { get; init; }

    /// <summary>
    /// The codec preview (<c>--codec-check</c>, or a profile with <c>codecCheck</c>): the track after an AAC and an Opus
    /// encode and decode; null when not run.
    /// </summary>
    public IReadOnlyList<CodecPreviewReport>? CodecPreview { get; init; }

    /// <summary>Null when the file was analyzed; otherwise why not.</summary>
    public ErrorReport? Error { get; init; }
}
