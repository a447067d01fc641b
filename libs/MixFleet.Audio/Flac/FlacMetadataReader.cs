namespace MixFleet.Audio.Flac;

/// <summary>
/// Reads what precedes the first frame (RFC 9639 §6–8): the <c>fLaC</c> marker, then metadata blocks up to the one
/// flagged last. STREAMINFO (which must come first) and VORBIS_COMMENT are parsed; every other block (PADDING,
/// APPLICATION, SEEKTABLE, CUESHEET, PICTURE) is skipped by reading past it, so a non-seekable stream works.
/// A leading ID3v2 tag, which some taggers prepend, is skipped too.
/// </summary>
internal static class FlacMetadataReader
{
    /// <summary>Most bytes of a VORBIS_COMMENT block that are kept; the rest is skipped.</summary>
    public const int MaxCommentBytes = 1 << 20;

    private const int StreamInfoType = 0;
    private const int VorbisCommentType = 4;
    private const int ForbiddenType = 127;

    public static (FlacStreamInfo Info, AudioTags Tags) Read(FlacBitReader reader, string name)
    {
        Span<byte> marker = stackalloc byte[4];
        Require(reader.ReadBytes(marker), name, "the fLaC marker");
        if (marker[..3].SequenceEqual("ID3"u8))
        {
            SkipId3(reader, name, marker);
        }

        if (!marker.SequenceEqual("fLaC"u8))
        {
            throw AudioError.Create(AudioErrorCode.NotAudio, name, $"the stream does not start with the FLAC marker 'fLaC'");
        }

        FlacStreamInfo? info = null;
        var tags = AudioTags.Empty;
        Span<byte> header = stackalloc byte[4];
        Span<byte> body = stackalloc byte[FlacStreamInfo.Length];
        bool last;
        do
        {
            Require(reader.ReadBytes(header), name, "a metadata block header");
            last = (header[0] & 0x80) != 0;
            var type = header[0] & 0x7F;
            var length = (header[1] << 16) | (header[2] << 8) | header[3];
            if (info is null && type != StreamInfoType)
            {
                throw AudioError.Create(AudioErrorCode.InvalidHeader, name, $"the first metadata block is of type {type}, not STREAMINFO");
            }

            switch (type)
            {
                case StreamInfoType when info is null:
                    if (length != FlacStreamInfo.Length)
                    {
                        throw AudioError.Create(AudioErrorCode.InvalidHeader, name, $"STREAMINFO is {length} bytes long instead of {FlacStreamInfo.Length}");
                    }

                    Require(reader.ReadBytes(body), name, "STREAMINFO");
                    info = FlacStreamInfo.Parse(body, name);
                    break;
                case VorbisCommentType when tags == AudioTags.Empty:
                    var comment = new byte[Math.Min(length, MaxCommentBytes)];
                    Require(reader.ReadBytes(comment) && reader.SkipBytes(length - comment.Length), name, "the VORBIS_COMMENT block");
                    tags = VorbisCommentParser.Parse(comment);
                    break;
                case ForbiddenType:
                    throw AudioError.Create(AudioErrorCode.InvalidHeader, name, $"a metadata block has the forbidden type 127");
                default:
                    Require(reader.SkipBytes(length), name, $"a metadata block of type {type}");
                    break;
            }
        }
        while (!last);

        return (info!, tags);
    }

    private static void SkipId3(FlacBitReader reader, string name, Span<byte> marker)
    {
        // ID3v2: "ID3", version (2), flags (1), size (4 bytes of 7 bits), then the tag; a footer adds 10 bytes.
        Span<byte> rest = stackalloc byte[6];
        Require(reader.ReadBytes(rest), name, "the ID3v2 header");
        var size = (rest[2] << 21) | (rest[3] << 14) | (rest[4] << 7) | rest[5];
        var footer = (rest[1] & 0x10) != 0 ? 10 : 0;
        Require(reader.SkipBytes(size + footer) && reader.ReadBytes(marker), name, "the ID3v2 tag before the fLaC marker");
    }

    private static void Require(bool complete, string name, string what)
    {
        if (!complete)
        {
            throw AudioError.Create(AudioErrorCode.Truncated, name, $"the stream ends inside {what}");
        }
    }
}
