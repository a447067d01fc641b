using MixFleet.Contracts.Keys;

namespace MixFleet.Cli.Discovery;

/// <summary>
/// Expands the command line's paths into tracks: a file is itself; a folder is searched recursively, and each
/// folder holding audio is one album. Order is album, then file name (ordinal), so runs are reproducible.
/// </summary>
internal static class TrackDiscovery
{
    /// <summary>The tracks under <paramref name="paths"/>, and the paths that do not exist.</summary>
    public static (IReadOnlyList<TrackSource> Tracks, IReadOnlyList<string> Missing) Discover(IEnumerable<string> paths)
    {
        var tracks = new List<TrackSource>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                tracks.Add(new TrackSource(path, AlbumOf(path)));
            }
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
                tracks.AddRange(Directory.EnumerateFiles(path, "*", options)
                    .Where(AudioFileExtensions.IsAudio)
                    .Select(file => new TrackSource(file, AlbumOf(file))));
            }
            else
            {
                missing.Add(path);
            }
        }

        var ordered = tracks
            .DistinctBy(t => Path.GetFullPath(t.Path))
            .OrderBy(t => t.Album, StringComparer.Ordinal)
            .ThenBy(t => t.Path, StringComparer.Ordinal)
            .ToList();
        return (ordered, missing);
    }

    private static string AlbumOf(string file)
    {
        var folder = Path.GetDirectoryName(file);
        return string.IsNullOrEmpty(folder) ? "." : folder;
    }
}
