namespace MixFleet.Audio;

/// <summary>
/// An ID3v2 tag some taggers put before a FLAC stream's <c>fLaC</c> marker (as they do before MP3 audio): its length,
/// so the router can look past it. The FLAC decoder skips the tag itself.
/// </summary>
internal static class LeadingId3
{
    /// <summary>Largest tag the router reads past on a stream; longer ones leave the file to ffmpeg.</summary>
    public const int MaxTagLength = 16 << 20;

    /// <summary>Bytes of the ID3v2 tag starting <paramref name="header"/> (header, body, footer), or 0 when there is none.</summary>
    public static int TagLength(ReadOnlySpan<byte> header)
    {
        if (header.Length < 10 || !header.StartsWith("ID3"u8) || ((header[6] | header[7] | header[8] | header[9]) & 0x80) != 0)
        {
            return 0;
        }

        // ID3v2: "ID3", version (2 bytes), flags, size in four 7-bit bytes; a footer (flag 0x10) adds 10 bytes.
        var size = (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9];
        return 10 + size + ((header[5] & 0x10) != 0 ? 10 : 0);
    }
}
