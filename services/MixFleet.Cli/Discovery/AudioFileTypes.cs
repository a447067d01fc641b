namespace MixFleet.Cli.Discovery;

/// <summary>File extensions treated as audio when a folder is scanned. A file named explicitly is always tried.</summary>
internal static class AudioFileTypes
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".wave", ".bwf", ".rf64", ".w64", ".aif", ".aiff", ".aifc",
        ".flac", ".mp3", ".m4a", ".aac", ".alac", ".mp4", ".ogg", ".oga", ".opus", ".wma", ".wv", ".ape", ".mka",
    };

    public static bool IsAudio(string path) => Extensions.Contains(Path.GetExtension(path));
}
