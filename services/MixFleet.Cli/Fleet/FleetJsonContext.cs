using System.Text.Json;
using System.Text.Json.Serialization;

namespace MixFleet.Cli.Fleet;

/// <summary>
/// The ingestion API's bodies and the <c>job</c>/<c>jobs --json</c> output, serialization code generated at compile
/// time (the CLI is trimmed and Native AOT: no reflection). <see cref="Default"/> is the wire's (camelCase, compact);
/// <see cref="Indented"/> the files' and standard output's.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestionClient.ScanBody))]
[JsonSerializable(typeof(IngestionClient.ScanAcceptedBody))]
[JsonSerializable(typeof(IngestionClient.StrandedOutcomeBody))]
[JsonSerializable(typeof(FleetJobStatus))]
[JsonSerializable(typeof(FleetJobPage))]
internal sealed partial class FleetJsonContext : JsonSerializerContext
{
    /// <summary>The same types, indented, for what a person or a script reads.</summary>
    public static FleetJsonContext Indented { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
}
