using System.Text.Json;
using System.Text.Json.Serialization;

namespace MixFleet.Reports.Qc;

/// <summary>
/// The custom profile's JSON reading code, generated at compile time (no reflection: the CLI is Native AOT): camelCase,
/// comments and trailing commas allowed, an unknown setting is an error.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(QcProfile))]
internal sealed partial class QcProfileJsonContext : JsonSerializerContext;
