namespace MixFleet.Contracts.Keys;

/// <summary>Albums are folder-like prefixes: <c>label/artist/album/NN - title.wav</c> belongs to <c>label/artist/album/</c>.</summary>
public static class AlbumKeys
{
    /// <summary>The key's folder with its trailing '/', or empty for a key at the bucket's root.</summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key[..(key.LastIndexOf('/') + 1)];
    }
}
