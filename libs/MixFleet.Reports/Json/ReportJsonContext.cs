using System.Text.Json;
using System.Text.Json.Serialization;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Json;

/// <summary>
/// The report documents' serialization code, generated at compile time (no reflection: the CLI is published with
/// Native AOT and trimmed). The options are <see cref="ReportJson"/>'s: camelCase, indented, nulls written, enums
/// as camelCase words. Every enum the documents hold needs its converter here.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(CamelCaseEnumConverter<VerdictStatus>), typeof(CamelCaseEnumConverter<NumberSource>)])]
[JsonSerializable(typeof(AnalysisReport))]
[JsonSerializable(typeof(TrackReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
