namespace MixFleet.Jobs.Store;

/// <summary>What the dashboard's album and finding lists keep.</summary>
/// <param name="FailingOnly">Only failing albums (<c>qc_status = 'fail'</c>) and fail verdicts.</param>
/// <param name="AlbumPrefix">Only albums whose key starts with this (null or empty: all).</param>
public sealed record DashboardFilter(bool FailingOnly = false, string? AlbumPrefix = null)
{
    /// <summary>The first key past every key that starts with <paramref name="prefix"/> in byte order ("C" collation).</summary>
    /// <remarks>U+10FFFF is the largest code point, so its UTF-8 bytes (F4 8F BF BF) follow every key with the prefix.</remarks>
    internal static string UpperBound(string prefix) => prefix + char.ConvertFromUtf32(0x10FFFF);
}
