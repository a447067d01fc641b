using System.Text.Json;

namespace MixFleet.Ingestion.Jobs;

/// <summary>The only field of a track report the status needs: a non-null <c>error</c> marks a failed track.</summary>
internal sealed record TrackReportOutcome
{
    public JsonElement Error { get; init; }

    public bool IsFailure => Error.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
}
