using MixFleet.Contracts.V1;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Tracks;

namespace MixFleet.Fleet.Tracks;

/// <summary>
/// The JSON object the fleet stores per track (docs/worker.md): the track report plus what reprocessing and album
/// aggregation need — the source version it was measured from and the loudness blocks.
/// </summary>
public sealed record TrackReportDocument
{
    /// <summary>Version of this document's shape.</summary>
    public const string CurrentSchemaVersion = "2";

    /// <summary>Version of this document's shape.</summary>
    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Engine version that wrote the report; with <c>source.eTag</c> it decides reuse.</summary>
    public required string AnalyzerVersion { get; init; }

    /// <summary>The source object, with the ETag (and size) it had when it was measured.</summary>
    public required ObjectRef Source { get; init; }

    /// <summary>The album prefix.</summary>
    public required string AlbumKey { get; init; }

    /// <summary>The track report; its <c>error</c> is set when the object could not be analyzed.</summary>
    public required TrackReport Track { get; init; }

    /// <summary>
    /// The loudness data album measures pool (histograms, short-term series; a few KB whatever the duration); null when
    /// the object could not be analyzed. Schema 1 stored every block energy here (131 KB for 3.6 minutes).
    /// </summary>
    public AlbumLoudnessData? Blocks { get; init; }
}
