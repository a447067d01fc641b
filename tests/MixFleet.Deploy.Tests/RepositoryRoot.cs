namespace MixFleet.Deploy.Tests;

/// <summary>The repository's files as text, found from <see cref="MixFleet.Testing.RepositoryRoot"/>.</summary>
internal static class RepositoryRoot
{
    public static string Path => MixFleet.Testing.RepositoryRoot.Path;

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public static string ReadAll(string relativePath) => System.IO.File.ReadAllText(File(relativePath));

    /// <summary>All files under a folder (recursive), concatenated.</summary>
    public static string ReadFolder(string relativeFolder) =>
        string.Join('\n', Directory.EnumerateFiles(File(relativeFolder), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(System.IO.File.ReadAllText));
}
