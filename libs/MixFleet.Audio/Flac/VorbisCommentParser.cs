using System.Buffers.Binary;
using System.Text;
using MixFleet.Audio.Pcm;

namespace MixFleet.Audio.Flac;

/// <summary>
/// Reads the VORBIS_COMMENT block (RFC 9639 §8.6: little-endian lengths, UTF-8 <c>NAME=value</c> fields, names
/// case-insensitive) into <see cref="AudioTags"/>. The first value of a field wins; a damaged block yields the fields
/// before the damage, never an error (tags are informative, the audio is what is checked).
/// </summary>
internal static class VorbisCommentParser
{
    public static AudioTags Parse(ReadOnlySpan<byte> block)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!TryTake(ref block, out _) || block.Length < 4)
        {
            return AudioTags.Empty;
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(block);
        block = block[4..];
        for (var i = 0u; i < count && TryTake(ref block, out var field); i++)
        {
            var text = Encoding.UTF8.GetString(field);
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && TagText.Clean(text[(equals + 1)..]) is { } value)
            {
                fields.TryAdd(text[..equals].Trim(), value);
            }
        }

        return new AudioTags
        {
            Title = Field(fields, "TITLE"),
            Artist = Field(fields, "ARTIST"),
            Album = Field(fields, "ALBUM"),
            AlbumArtist = Field(fields, "ALBUMARTIST") ?? Field(fields, "ALBUM ARTIST"),
            TrackNumber = WithTotal(Field(fields, "TRACKNUMBER"), Field(fields, "TRACKTOTAL") ?? Field(fields, "TOTALTRACKS")),
            DiscNumber = WithTotal(Field(fields, "DISCNUMBER"), Field(fields, "DISCTOTAL") ?? Field(fields, "TOTALDISCS")),
            Isrc = Field(fields, "ISRC"),
            Description = Field(fields, "DESCRIPTION") ?? Field(fields, "COMMENT"),
            Originator = Field(fields, "ORGANIZATION") ?? Field(fields, "LABEL"),
        };
    }

    private static string? Field(Dictionary<string, string> fields, string name) => fields.GetValueOrDefault(name);

    // "3" with a total of "12" reads "3/12", the form ID3 and RIFF tags use; a number that already has one is kept.
    private static string? WithTotal(string? number, string? total) =>
        number is null || total is null || number.Contains('/', StringComparison.Ordinal) ? number : $"{number}/{total}";

    private static bool TryTake(ref ReadOnlySpan<byte> block, out ReadOnlySpan<byte> item)
    {
        item = default;
        if (block.Length < 4)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(block);
        if (length > (uint)(block.Length - 4))
        {
            return false;
        }

        item = block.Slice(4, (int)length);
        block = block[(4 + (int)length)..];
        return true;
    }
}
