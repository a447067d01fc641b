namespace MixFleet.Deploy.Tests;

/// <summary>The repository root: the first folder above the test binaries that holds MixFleet.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public static string ReadAll(string relativePath) => System.IO.File.ReadAllText(File(relativePath));

    /// <summary>All files under a folder (recursive), concatenated.</summary>
    public static string ReadFolder(string relativeFolder) =>
        string.Join('\n', Directory.EnumerateFiles(File(relativeFolder), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(System.IO.File.ReadAllText));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "MixFleet.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MixFleet.sln not found above {AppContext.BaseDirectory}.");
    }
}
