using System.Text.Json;
using System.Text.RegularExpressions;

namespace MixFleet.Deploy.Tests;

/// <summary>
/// docker-compose.yml, k8s/ and helm/mixfleet/ set the same configuration keys, and the services read no key that
/// deploy/config-keys.txt does not list, so the three deployments and the code cannot drift apart.
/// </summary>
public sealed class ConfigKeysTests
{
    private static readonly ConfigKeyList Keys = ConfigKeyList.Load();

    public static TheoryData<string> DeployKeys => [.. ConfigKeyList.Load().Deploy];

    [Fact]
    public void KeyList_HasDeployKeys_AndNoDuplicates()
    {
        Assert.NotEmpty(Keys.Deploy);
        var duplicates = Keys.All.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(DeployKeys))]
    public void DockerCompose_SetsKey(string key) =>
        AssertMentions(RepositoryRoot.ReadAll("docker-compose.yml"), key, "docker-compose.yml");

    [Theory]
    [MemberData(nameof(DeployKeys))]
    public void KubernetesManifests_SetKey(string key) =>
        AssertMentions(RepositoryRoot.ReadFolder("k8s"), key, "k8s/");

    [Theory]
    [MemberData(nameof(DeployKeys))]
    public void HelmChart_SetsKey(string key) =>
        AssertMentions(
            RepositoryRoot.ReadFolder("helm/mixfleet/templates") + "\n" + RepositoryRoot.ReadAll("helm/mixfleet/values.yaml"),
            key,
            "helm/mixfleet/templates or values.yaml");

    [Fact]
    public void ServiceAppSettings_ContainOnlyListedKeys()
    {
        var known = Keys.All.ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(RepositoryRoot.File("services"), "appsettings*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var unknown = new List<string>();
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (doc.RootElement.TryGetProperty("MixFleet", out var section))
            {
                unknown.AddRange(Flatten(section, "MixFleet")
                    .Where(k => !known.Contains(k))
                    .Select(k => $"{Path.GetRelativePath(RepositoryRoot.Path, file)}: {k}"));
            }
        }

        Assert.True(unknown.Count == 0, $"Not in {ConfigKeyList.RelativePath}: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Flatten_NestedObjectsAndArrays_UseDoubleUnderscores()
    {
        using var doc = JsonDocument.Parse("""{ "A": { "B": 1, "C": [ "x", { "D": true } ] } }""");
        Assert.Equal(["MixFleet__A__B", "MixFleet__A__C__0", "MixFleet__A__C__1__D"], Flatten(doc.RootElement, "MixFleet"));
    }

    private static List<string> Flatten(JsonElement element, string prefix)
    {
        var keys = new List<string>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    keys.AddRange(Flatten(property.Value, $"{prefix}__{property.Name}"));
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    keys.AddRange(Flatten(item, $"{prefix}__{index++}"));
                }

                break;
            default:
                keys.Add(prefix);
                break;
        }

        return keys;
    }

    /// <summary>The key as a whole word: MixFleet__S3__Region must not be satisfied by MixFleet__S3__RegionX.</summary>
    private static void AssertMentions(string text, string key, string where) =>
        Assert.True(
            Regex.IsMatch(text, $"(?<![A-Za-z0-9_]){Regex.Escape(key)}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant),
            $"{key} (from {ConfigKeyList.RelativePath}) does not appear in {where}.");
}
