using System.Text.Json;

namespace MixFleet.Ingestion.Jobs;

/// <summary>
/// The only part of a track report the status needs. The worker writes <c>{ "source", "albumKey", "track": { …,
/// "error" } }</c> (MixFleet.Fleet's TrackReportDocument): a non-null <c>track.error</c> marks a failed track.
/// </summary>
internal sealed record TrackReportOutcome
{
    public TrackPart? Track { get; init; }

    public bool IsFailure => Track is { Error.ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) };

    internal sealed record TrackPart
    {
        public JsonElement Error { get; init; }
    }
}
