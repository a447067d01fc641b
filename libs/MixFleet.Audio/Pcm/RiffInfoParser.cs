using System.Buffers.Binary;

namespace MixFleet.Audio.Pcm;

/// <summary>Reads the text fields of a RIFF <c>LIST</c> chunk of type <c>INFO</c>.</summary>
internal static class RiffInfoParser
{
    /// <summary>
    /// Parses the body of a LIST chunk (starting with its 4-byte list type). Returns empty tags for other list
    /// types; sub-chunks that run past the body end the parse.
    /// </summary>
    public static AudioTags Parse(ReadOnlySpan<byte> list)
    {
        if (list.Length < 4 || !list[..4].SequenceEqual("INFO"u8))
        {
            return AudioTags.Empty;
        }

        var tags = AudioTags.Empty;
        var pos = 4;
        while (pos + 8 <= list.Length)
        {
            var id = list.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(list.Slice(pos + 4, 4));
            pos += 8;
            if (size > (uint)(list.Length - pos))
            {
                break;
            }

            var text = TagText.Decode8Bit(list.Slice(pos, (int)size));
            tags = Apply(tags, id, text);
            pos += (int)size + (int)(size & 1);
        }

        return tags;
    }

    private static AudioTags Apply(AudioTags tags, ReadOnlySpan<byte> id, string? text)
    {
        if (text is null)
        {
            return tags;
        }

        if (id.SequenceEqual("INAM"u8))
        {
            return tags with { Title = tags.Title ?? text };
        }

        if (id.SequenceEqual("IART"u8))
        {
            return tags with { Artist = tags.Artist ?? text };
        }

        if (id.SequenceEqual("IPRD"u8))
        {
            return tags with { Album = tags.Album ?? text };
        }

        if (id.SequenceEqual("ITRK"u8) || id.SequenceEqual("IPRT"u8))
        {
            return tags with { TrackNumber = tags.TrackNumber ?? text };
        }

        if (id.SequenceEqual("ISRC"u8))
        {
            return tags with { Isrc = tags.Isrc ?? text };
        }

        return tags;
    }
}
