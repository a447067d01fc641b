using MixFleet.Reports.Albums;
using MixFleet.Reports.Catalog;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports;

/// <summary>
/// The JSON document of one run (<c>mixfleet analyze --json</c>). Field names are fixed: tools downstream read them.
/// The schema is documented in docs/report-schema.md.
/// </summary>
public sealed record AnalysisReport
{
    /// <summary>Version of this document's shape; bumped on any breaking change.</summary>
    public const string CurrentSchemaVersion = "1";

    /// <summary>Version of this document's shape.</summary>
    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Version of the engine that measured the tracks.</summary>
    public required string AnalyzerVersion { get; init; }

    /// <summary>One entry per input file, analyzed or not, in album then path order.</summary>
    public required IReadOnlyList<TrackReport> Tracks { get; init; }

    /// <summary>The QC profile the verdicts were made against (<c>none</c>: album checks only).</summary>
    public string Profile { get; init; } = "none";

    /// <summary>One report per album (folder or prefix), tracks in album order.</summary>
    public IReadOnlyList<AlbumReport> Albums { get; init; } = [];

    /// <summary>One row per album and per track across the run, worst first.</summary>
    public IReadOnlyList<CatalogRow> Catalog { get; init; } = [];
}
