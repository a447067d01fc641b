using System.Text.Json;

namespace MixFleet.Reports.Json;

/// <summary>Reads and writes report documents: camelCase, indented, nulls written (a null loudness is information).</summary>
public static class ReportJson
{
    /// <summary>
    /// The serializer options every report uses (<see cref="ReportJsonContext"/>'s settings and enum converters), for
    /// documents that embed a report, such as the fleet's track documents: these resolve types by reflection, so
    /// they are for the services, not for trimmed or Native AOT code. <see cref="Serialize"/>, <see cref="Deserialize"/>
    /// and <see cref="WriteAsync"/> use the generated code and need no reflection.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(ReportJsonContext.Default.Options)
    {
        // Null: the serializer's reflection-based resolver, set on first use (the generated context is the copy's otherwise).
        TypeInfoResolver = null,
    };

    /// <summary>Writes a report document to a stream.</summary>
    public static Task WriteAsync(Stream stream, AnalysisReport report, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, report, ReportJsonContext.Default.AnalysisReport, cancellationToken);

    /// <summary>Serializes a report document to a string.</summary>
    public static string Serialize(AnalysisReport report) => JsonSerializer.Serialize(report, ReportJsonContext.Default.AnalysisReport);

    /// <summary>Reads a report document.</summary>
    public static AnalysisReport? Deserialize(string json) => JsonSerializer.Deserialize(json, ReportJsonContext.Default.AnalysisReport);
}
