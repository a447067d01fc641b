namespace MixFleet.Reports.Qc;

/// <summary>How the album's proposed fix picks its one gain (profile key <c>albumGainMode</c>, CLI <c>--album-gain-mode</c>).</summary>
public static class AlbumGainModes
{
    /// <summary>Bring the album loudness (BS.1770 over the pooled blocks of all tracks) to the target: the default.</summary>
    public const string Album = "album";

    /// <summary>Bring the loudest track to the target (rsgain's optional "loudest track" album gain): no track ends above it.</summary>
    public const string LoudestTrack = "loudest-track";

    /// <summary>Every mode.</summary>
    public static IReadOnlyList<string> All { get; } = [Album, LoudestTrack];

    /// <summary>True for a known mode (exact spelling).</summary>
    public static bool IsKnown(string? mode) => mode is not null && All.Contains(mode, StringComparer.Ordinal);
}
