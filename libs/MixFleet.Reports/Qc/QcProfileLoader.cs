using System.Globalization;
using System.Text.Json;

namespace MixFleet.Reports.Qc;

/// <summary>
/// Resolves <c>--profile</c>: a built-in name, or a YAML (<c>.yaml</c>, <c>.yml</c>) or JSON (<c>.json</c>) file.
/// Custom profiles are validated; every problem is reported at once, naming the file and the setting.
/// </summary>
public static class QcProfileLoader
{
    /// <summary>The built-in profile of that name, or the profile in that file.</summary>
    /// <exception cref="QcProfileException">Unknown name, unreadable file, or invalid profile.</exception>
    public static QcProfile Resolve(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (QcProfiles.All.TryGetValue(nameOrPath, out var builtIn))
        {
            return builtIn;
        }

        if (!File.Exists(nameOrPath))
        {
            throw new QcProfileException($"profile '{nameOrPath}' is neither a built-in profile ({string.Join(", ", QcProfiles.All.Keys)}) nor an existing file.");
        }

        return Parse(File.ReadAllText(nameOrPath), nameOrPath);
    }

    /// <summary>Parses and validates a profile; <paramref name="source"/> names it in messages and picks JSON for <c>.json</c>.</summary>
    public static QcProfile Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var parsed = source.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromJson(text, source) : FromYaml(text, source);
        if (parsed is null)
        {
            throw new QcProfileException($"{source}: the profile is empty.");
        }

        var profile = parsed;
        if (parsed.BasedOn is { } baseName)
        {
            if (!QcProfiles.All.TryGetValue(baseName, out var baseProfile))
            {
                throw new QcProfileException($"{source}: basedOn '{baseName}' is not a built-in profile ({string.Join(", ", QcProfiles.All.Keys)}).");
            }

            profile = parsed.Over(baseProfile);
        }

        var problems = QcProfileValidator.Problems(profile).ToList();
        if (problems.Count > 0)
        {
            throw new QcProfileException($"{source}: invalid profile:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}");
        }

        return profile;
    }

    private static QcProfile? FromJson(string text, string source)
    {
        try
        {
            return JsonSerializer.Deserialize(text, QcProfileJsonContext.Default.QcProfile);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1})") : string.Empty;
            throw new QcProfileException($"{source}{where}: {ex.Message}", ex);
        }
    }

    private static QcProfile? FromYaml(string text, string source)
    {
        var json = QcProfileYaml.ToJson(text, source);
        try
        {
            return json?.Deserialize(QcProfileJsonContext.Default.QcProfile);
        }
        catch (JsonException ex)
        {
            throw new QcProfileException($"{source}: {ex.Message}", ex);
        }
    }
}
