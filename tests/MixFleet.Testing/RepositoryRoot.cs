namespace MixFleet.Testing;

/// <summary>The repository root: the first folder above the test binaries that holds MixFleet.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A path under the repository root.</summary>
    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

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
