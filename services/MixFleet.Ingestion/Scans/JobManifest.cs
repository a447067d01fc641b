namespace MixFleet.Ingestion.Scans;

/// <summary>
/// A scan job as written to <c>jobs/&lt;jobId&gt;.json</c> in the reports bucket before any command is published: the
/// audio keys found (decoded) and their album prefixes. Job status is computed from it and the reports present.
/// </summary>
internal sealed record JobManifest
{
    public required Guid JobId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Bucket { get; init; }

    public required string Prefix { get; init; }

    public required string Profile { get; init; }

    public required IReadOnlyList<string> Tracks { get; init; }

    public required IReadOnlyList<string> Albums { get; init; }
}
