using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MixFleet.Reports.Qc;

/// <summary>
/// Reads a YAML profile into the JSON document of the same settings, so both formats share one generated reader
/// (<see cref="QcProfileJsonContext"/>) and one set of names. YamlDotNet's representation model parses the YAML (no
/// reflection, unlike its object deserializer, so the Native AOT CLI reads it too); each scalar is typed by the
/// setting it is for, and a setting that does not exist or a value of the wrong kind is reported at its line.
/// </summary>
internal static class QcProfileYaml
{
    /// <summary>The settings' JSON names and types, from the generated code.</summary>
    private static readonly Dictionary<string, Type> Settings = QcProfileJsonContext.Default.QcProfile.Properties
        .Where(p => p.Set is not null)
        .ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.Ordinal);

    /// <summary>The profile as a JSON object, or null for an empty document.</summary>
    /// <exception cref="QcProfileException">Not YAML, not a mapping, an unknown setting or a value of the wrong kind.</exception>
    public static JsonObject? ToJson(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw Located(source, ex.Start, ex.InnerException?.Message ?? ex.Message, ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw Located(source, stream.Documents[0].RootNode.Start, "a profile is a mapping of settings (name: value).");
        }

        var json = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } name } ? name : string.Empty;
            if (!Settings.TryGetValue(key, out var type))
            {
                throw Located(source, keyNode.Start, $"unknown setting '{key}'.");
            }

            json[key] = Value(valueNode, type, key, source);
        }

        return json;
    }

    private static JsonNode? Value(YamlNode node, Type type, string key, string source)
    {
        if (node is YamlScalarNode scalar && IsNull(scalar))
        {
            return null;
        }

        if (type == typeof(IReadOnlyList<string>))
        {
            if (node is not YamlSequenceNode sequence)
            {
                throw Located(source, node.Start, $"'{key}' must be a list.");
            }

            var items = new JsonArray();
            foreach (var item in sequence.Children)
            {
                JsonNode word = item is YamlScalarNode { Value: { } value } ? JsonValue.Create(value) : throw Located(source, item.Start, $"'{key}' must be a list of words.");
                items.Add(word);
            }

            return items;
        }

        if (node is not YamlScalarNode { Value: { } text })
        {
            throw Located(source, node.Start, $"'{key}' must be a single value.");
        }

        if (type == typeof(string))
        {
            return JsonValue.Create(text);
        }

        if (type == typeof(double?) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        if (type == typeof(int?) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (type == typeof(bool?) && bool.TryParse(text, out var flag))
        {
            return JsonValue.Create(flag);
        }

        var kind = type == typeof(bool?) ? "true or false" : type == typeof(int?) ? "a whole number" : "a number";
        throw Located(source, node.Start, $"'{key}' must be {kind} (got '{text}').");
    }

    /// <summary>YAML's null: <c>~</c>, <c>null</c> or nothing, unquoted.</summary>
    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static QcProfileException Located(string source, Mark at, string reason, Exception? inner = null)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"{source} (line {at.Line}, column {at.Column}): {reason}");
        return inner is null ? new QcProfileException(message) : new QcProfileException(message, inner);
    }
}
