using System.Text.Json.Serialization;

namespace MixFleet.Cli.Fleet;

/// <summary>The body of the ingestion service's <c>GET /v1/jobs/{id}</c> (docs/ingestion.md).</summary>
internal sealed record FleetJobStatus(Guid JobId, string State, int Total, int Analyzed, int Failed, IReadOnlyList<string> Albums)
{
    /// <summary>The state the ingestion service reports once every track has a report.</summary>
    public const string CompletedState = "completed";

    [JsonIgnore]
    public bool IsCompleted => string.Equals(State, CompletedState, StringComparison.Ordinal);

    [JsonIgnore]
    public int Done => Analyzed + Failed;
}
