using System.Text.Json;
using System.Text.Json.Serialization;

namespace MixFleet.Reports.Json;

/// <summary>Reads and writes report documents: camelCase, indented, nulls written (a null loudness is information).</summary>
public static class ReportJson
{
    /// <summary>The serializer options every report uses.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        // Verdicts and number sources as words ("fail", "fileName"), not numbers.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes a report document to a stream.</summary>
    public static Task WriteAsync(Stream stream, AnalysisReport report, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, report, Options, cancellationToken);

    /// <summary>Serializes a report document to a string.</summary>
    public static string Serialize(AnalysisReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report document.</summary>
    public static AnalysisReport? Deserialize(string json) => JsonSerializer.Deserialize<AnalysisReport>(json, Options);
}
