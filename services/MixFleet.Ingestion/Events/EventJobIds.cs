using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MixFleet.Ingestion.Events;

/// <summary>
/// Event-driven work gets a stable job per source bucket and UTC day of the event: MinIO posts one record per request,
/// so a job per request would be a job per track. The id is a name-based (RFC 9562 version 8) GUID, the same on every
/// replica and on redelivery, with no shared state.
/// </summary>
internal static class EventJobIds
{
    public static Guid For(string bucket, DateOnly utcDay)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"mixfleet:s3-events:{bucket}:{utcDay:yyyy-MM-dd}");
        Span<byte> bytes = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes[..16], bigEndian: true);
    }
}
