using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Dashboard;

/// <summary>A finding page's cursor in a link: the last row's album, track and rule as base64url JSON.</summary>
internal static class FindingCursors
{
    public static string Encode(FindingCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new[] { cursor.AlbumKey, cursor.TrackKey, cursor.Rule }));
    }

    public static bool TryDecode(string? value, out FindingCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(WebEncoders.Base64UrlDecode(value));
            if (parts is [{ } album, { } track, { } rule])
            {
                cursor = new FindingCursor(album, track, rule);
                return true;
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            // Not a cursor this service wrote.
        }

        return false;
    }
}
