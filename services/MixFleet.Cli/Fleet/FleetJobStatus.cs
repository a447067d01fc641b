using System.Text.Json.Serialization;

namespace MixFleet.Cli.Fleet;

/// <summary>
/// A job as the ingestion service's <c>GET /v1/jobs/{id}</c> and <c>GET /v1/jobs</c> describe it (docs/ingestion.md);
/// the fields after <see cref="Albums"/> are optional so that an older service's answer still reads.
/// </summary>
internal sealed record FleetJobStatus(
    Guid JobId,
    string State,
    int Total,
    int Analyzed,
    int Failed,
    IReadOnlyList<string> Albums,
    string? Kind = null,
    string? Bucket = null,
    string? Prefix = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? CompletedAt = null,
    int AlbumsTotal = 0,
    int AlbumsReported = 0,
    int FailedTransient = 0)
{
    /// <summary>The state the ingestion service reports once every track has a report.</summary>
    public const string CompletedState = "completed";

    [JsonIgnore]
    public bool IsCompleted => string.Equals(State, CompletedState, StringComparison.Ordinal);

    [JsonIgnore]
    public int Done => Analyzed + Failed;

    /// <summary>What the progress line says about failed and stranded tracks, e.g. ", 2 failed, 3 stranded"; empty when none.</summary>
    [JsonIgnore]
    public string Problems =>
        (Failed > 0 ? $", {Failed} failed" : string.Empty) + (FailedTransient > 0 ? $", {FailedTransient} stranded (mixfleet redrive {JobId:D})" : string.Empty);
}
