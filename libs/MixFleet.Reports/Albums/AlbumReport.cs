using MixFleet.Reports.Qc;

namespace MixFleet.Reports.Albums;

/// <summary>The report of one album (a folder, or an object-key prefix in the fleet). Names are fixed: docs/report-schema.md.</summary>
public sealed record AlbumReport
{
    /// <summary>The album title when the tracks agree on one, else the folder's name.</summary>
    public required string Name { get; init; }

    /// <summary>The album key: folder or prefix.</summary>
    public required string Path { get; init; }

    /// <summary>The QC profile applied.</summary>
    public required string Profile { get; init; }

    /// <summary>Worst verdict of the album and its tracks.</summary>
    public required VerdictStatus Status { get; init; }

    /// <summary>Album loudness and gain.</summary>
    public required AlbumLoudnessReport Loudness { get; init; }

    /// <summary>Proposed fix: one gain for every track to the profile's target; null without a loudness rule.</summary>
    public AlbumGainFix? Fix { get; init; }

    /// <summary>The tracks in album order.</summary>
    public required IReadOnlyList<AlbumTrackReport> Tracks { get; init; }

    /// <summary>Running time and joins.</summary>
    public required SequencingReport Sequencing { get; init; }

    /// <summary>Format consistency.</summary>
    public required AlbumFormatReport Format { get; init; }

    /// <summary>Album-level tags.</summary>
    public required AlbumMetadataReport Metadata { get; init; }

    /// <summary>Album-level rules (numbering, running time, consistency, joins).</summary>
    public required IReadOnlyList<RuleVerdict> Verdicts { get; init; }
}
