namespace MixFleet.Contracts.Keys;

/// <summary>Where the fleet keeps album reports: JSON, CSV and HTML per album prefix, in the reports bucket.</summary>
public static class AlbumReportKeys
{
    /// <summary>The prefix every album report key starts with.</summary>
    public const string Prefix = "reports/albums/";

    /// <summary>The JSON key: <c>reports/albums/&lt;source-bucket&gt;/&lt;album-prefix&gt;album.json</c>.</summary>
    public static string Json(string sourceBucket, string albumKey) => For(sourceBucket, albumKey, "json");

    /// <summary>The CSV key: <c>reports/albums/&lt;source-bucket&gt;/&lt;album-prefix&gt;album.csv</c>.</summary>
    public static string Csv(string sourceBucket, string albumKey) => For(sourceBucket, albumKey, "csv");

    /// <summary>The HTML key: <c>reports/albums/&lt;source-bucket&gt;/&lt;album-prefix&gt;album.html</c>.</summary>
    public static string Html(string sourceBucket, string albumKey) => For(sourceBucket, albumKey, "html");

    /// <summary>
    /// Checks an album key: empty (the bucket's root) or a prefix ending with '/', so the album's own objects are the
    /// keys directly under it.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not empty and does not end with '/'.</exception>
    public static void Validate(string albumKey)
    {
        ArgumentNullException.ThrowIfNull(albumKey);
        if (albumKey.Length > 0 && !albumKey.EndsWith('/'))
        {
            throw new ArgumentException($"The album key '{albumKey}' must be empty or end with '/'.", nameof(albumKey));
        }
    }

    private static string For(string sourceBucket, string albumKey, string extension)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceBucket);
        Validate(albumKey);
        return $"{Prefix}{sourceBucket}/{albumKey}album.{extension}";
    }
}
