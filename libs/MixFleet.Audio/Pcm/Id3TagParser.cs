using System.Buffers.Binary;
using System.Text;

namespace MixFleet.Audio.Pcm;

/// <summary>
/// Reads the text frames MixFleet uses (title, artist, album, album artist, track, ISRC) from an ID3v2.2/2.3/2.4
/// tag, as embedded in a WAV <c>id3 </c> or AIFF <c>ID3 </c> chunk. Every size is bounded by the bytes given;
/// compressed or encrypted frames are skipped.
/// </summary>
internal static class Id3TagParser
{
    private const int HeaderLength = 10;

    /// <summary>Parses a tag starting at <paramref name="chunk"/>[0]; returns empty tags when there is none.</summary>
    public static AudioTags Parse(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < HeaderLength || !chunk[..3].SequenceEqual("ID3"u8))
        {
            return AudioTags.Empty;
        }

        var version = chunk[3];
        var flags = chunk[5];
        if (version is < 2 or > 4 || !TrySyncsafe(chunk.Slice(6, 4), out var size))
        {
            return AudioTags.Empty;
        }

        var body = chunk.Slice(HeaderLength, Math.Min(size, chunk.Length - HeaderLength));
        if ((flags & 0x80) != 0 && version < 4)
        {
            // v2.2/2.3: unsynchronisation applies to the whole tag.
            body = RemoveUnsynchronisation(body);
        }

        var pos = 0;
        if ((flags & 0x40) != 0 && version >= 3 && body.Length >= 4)
        {
            // Extended header: v2.3 size excludes its own 4 bytes, v2.4 size is syncsafe and includes them.
            var ext = version == 3
                ? (long)BinaryPrimitives.ReadUInt32BigEndian(body) + 4
                : TrySyncsafe(body[..4], out var s) ? s : body.Length;
            pos = (int)Math.Min(ext, body.Length);
        }

        return ParseFrames(body[pos..], version);
    }

    private static AudioTags ParseFrames(ReadOnlySpan<byte> frames, byte version)
    {
        var tags = AudioTags.Empty;
        var headerLength = version == 2 ? 6 : 10;
        var pos = 0;
        while (pos + headerLength <= frames.Length)
        {
            var header = frames.Slice(pos, headerLength);
            if (header[0] == 0)
            {
                break; // padding
            }

            long size;
            byte formatFlags = 0;
            if (version == 2)
            {
                size = (header[3] << 16) | (header[4] << 8) | header[5];
            }
            else
            {
                size = version == 4
                    ? (TrySyncsafe(header.Slice(4, 4), out var s) ? s : long.MaxValue)
                    : BinaryPrimitives.ReadUInt32BigEndian(header.Slice(4, 4));
                formatFlags = header[9];
            }

            pos += headerLength;
            if (size > frames.Length - pos)
            {
                break;
            }

            var data = frames.Slice(pos, (int)size);
            pos += (int)size;
            if (FrameData(ref data, version, formatFlags) && Field(header[..(version == 2 ? 3 : 4)]) is { } field)
            {
                tags = Apply(tags, field, DecodeText(data));
            }
        }

        return tags;
    }

    /// <summary>Strips per-frame prefixes; false for frames that cannot be read (compressed, encrypted).</summary>
    private static bool FrameData(ref ReadOnlySpan<byte> data, byte version, byte formatFlags)
    {
        if (version == 3)
        {
            if ((formatFlags & 0xC0) != 0)
            {
                return false;
            }

            var skip = (formatFlags & 0x20) != 0 ? 1 : 0; // grouping identity
            data = data[Math.Min(skip, data.Length)..];
        }
        else if (version == 4)
        {
            if ((formatFlags & 0x0C) != 0 || (formatFlags & 0x02) != 0)
            {
                return false; // compressed, encrypted, or frame-level unsynchronisation (not used for text in practice)
            }

            var skip = ((formatFlags & 0x40) != 0 ? 1 : 0) + ((formatFlags & 0x01) != 0 ? 4 : 0);
            data = data[Math.Min(skip, data.Length)..];
        }

        return true;
    }

    private static int? Field(ReadOnlySpan<byte> id) => id switch
    {
        _ when id.SequenceEqual("TIT2"u8) || id.SequenceEqual("TT2"u8) => 0,
        _ when id.SequenceEqual("TPE1"u8) || id.SequenceEqual("TP1"u8) => 1,
        _ when id.SequenceEqual("TALB"u8) || id.SequenceEqual("TAL"u8) => 2,
        _ when id.SequenceEqual("TPE2"u8) || id.SequenceEqual("TP2"u8) => 3,
        _ when id.SequenceEqual("TRCK"u8) || id.SequenceEqual("TRK"u8) => 4,
        _ when id.SequenceEqual("TSRC"u8) || id.SequenceEqual("TRC"u8) => 5,
        _ => null,
    };

    private static AudioTags Apply(AudioTags tags, int field, string? text) => text is null ? tags : field switch
    {
        0 => tags with { Title = tags.Title ?? text },
        1 => tags with { Artist = tags.Artist ?? text },
        2 => tags with { Album = tags.Album ?? text },
        3 => tags with { AlbumArtist = tags.AlbumArtist ?? text },
        4 => tags with { TrackNumber = tags.TrackNumber ?? text },
        _ => tags with { Isrc = tags.Isrc ?? text },
    };

    /// <summary>Decodes a text frame body (encoding byte + text); keeps the first of several NUL-separated values.</summary>
    internal static string? DecodeText(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return null;
        }

        var text = data[1..];
        string value;
        switch (data[0])
        {
            case 0:
                value = Encoding.Latin1.GetString(UntilNul(text, 1));
                break;
            case 1:
                text = UntilNul(text, 2);
                if (text.Length >= 2 && text[0] == 0xFE && text[1] == 0xFF)
                {
                    value = Encoding.BigEndianUnicode.GetString(text[2..]);
                }
                else
                {
                    // BOM FF FE, or no BOM at all: little-endian, as most writers produce.
                    var skip = text.Length >= 2 && text[0] == 0xFF && text[1] == 0xFE ? 2 : 0;
                    value = Encoding.Unicode.GetString(text[skip..]);
                }

                break;
            case 2:
                value = Encoding.BigEndianUnicode.GetString(UntilNul(text, 2));
                break;
            case 3:
                value = Encoding.UTF8.GetString(UntilNul(text, 1));
                break;
            default:
                return null;
        }

        return TagText.Clean(value);
    }

    private static ReadOnlySpan<byte> UntilNul(ReadOnlySpan<byte> text, int unit)
    {
        for (var i = 0; i + unit <= text.Length; i += unit)
        {
            if (text[i] == 0 && (unit == 1 || text[i + 1] == 0))
            {
                return text[..i];
            }
        }

        return text[..(text.Length - (text.Length % unit))];
    }

    /// <summary>A 28-bit syncsafe integer (7 bits per byte); false when a byte has its top bit set.</summary>
    internal static bool TrySyncsafe(ReadOnlySpan<byte> bytes, out int value)
    {
        value = 0;
        foreach (var b in bytes[..4])
        {
            if ((b & 0x80) != 0)
            {
                return false;
            }

            value = (value << 7) | b;
        }

        return true;
    }

    private static byte[] RemoveUnsynchronisation(ReadOnlySpan<byte> body)
    {
        var result = new byte[body.Length];
        var n = 0;
        for (var i = 0; i < body.Length; i++)
        {
            result[n++] = body[i];
            if (body[i] == 0xFF && i + 1 < body.Length && body[i + 1] == 0x00)
            {
                i++;
            }
        }

        return result[..n];
    }
}
