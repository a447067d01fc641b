namespace MixFleet.Contracts.Keys;

/// <summary>
/// File name extensions treated as audio when a folder or a bucket prefix is scanned, shared by the CLI and the
/// fleet's ingestion so both pick the same objects. A file named explicitly is always tried, whatever its extension.
/// </summary>
public static class AudioFileExtensions
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".wave", ".bwf", ".rf64", ".w64", ".aif", ".aiff", ".aifc",
        ".flac", ".mp3", ".m4a", ".aac", ".alac", ".mp4", ".ogg", ".oga", ".opus", ".wma", ".wv", ".ape", ".mka",
    };

    /// <summary>The extensions (with the leading dot, compared case-insensitively).</summary>
    public static IReadOnlyCollection<string> All => Extensions;

    /// <summary>True when the path's or object key's extension names an audio format.</summary>
    /// <param name="pathOrKey">A file path or a '/'-separated object key.</param>
    public static bool IsAudio(string pathOrKey)
    {
        ArgumentNullException.ThrowIfNull(pathOrKey);
        return Extensions.Contains(Path.GetExtension(pathOrKey));
    }
}
