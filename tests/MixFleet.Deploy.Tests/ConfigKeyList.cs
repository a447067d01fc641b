namespace MixFleet.Deploy.Tests;

/// <summary>deploy/config-keys.txt: the one list of configuration keys (as environment variable names).</summary>
internal sealed record ConfigKeyList(IReadOnlyList<string> Deploy, IReadOnlyList<string> Default, IReadOnlyList<string> Legacy)
{
    public const string RelativePath = "deploy/config-keys.txt";

    public IEnumerable<string> All => Deploy.Concat(Default).Concat(Legacy);

    public static ConfigKeyList Load()
    {
        var deploy = new List<string>();
        var defaults = new List<string>();
        var legacy = new List<string>();
        foreach (var raw in File.ReadAllLines(RepositoryRoot.File(RelativePath)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new InvalidDataException($"{RelativePath}: expected 'KEY kind', got '{line}'.");
            }

            var list = parts[1] switch
            {
                "deploy" => deploy,
                "default" => defaults,
                "legacy" => legacy,
                _ => throw new InvalidDataException($"{RelativePath}: unknown kind '{parts[1]}' (deploy, default, legacy)."),
            };
            list.Add(parts[0]);
        }

        return new ConfigKeyList(deploy, defaults, legacy);
    }
}
