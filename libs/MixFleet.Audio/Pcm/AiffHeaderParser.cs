using System.Buffers.Binary;
using System.Text;

namespace MixFleet.Audio.Pcm;

/// <summary>
/// Walks the chunks of a FORM/AIFF or FORM/AIFC file: <c>COMM</c>, <c>SSND</c>, <c>NAME</c>, <c>AUTH</c>, <c>ID3 </c>;
/// everything else is skipped (chunks are word-aligned). Sizes are big-endian.
/// </summary>
/// <remarks>
/// As for WAV, a seekable stream is walked to the end so tags after the sound data are found; a non-seekable stream
/// stops at <c>SSND</c>, so tags after it are not seen and <c>COMM</c> must come first.
/// </remarks>
internal sealed class AiffHeaderParser
{
    private const int MaxTagChunkBytes = 1 << 20;
    private const int MaxTextChunkBytes = 4096;

    private readonly HeaderSource _source;
    private readonly bool _aifc;
    private PcmFormat? _format;
    private long _frames;
    private long _dataOffset = -1;
    private long _dataSize;
    private AudioTags _text = AudioTags.Empty;
    private AudioTags _id3 = AudioTags.Empty;

    private AiffHeaderParser(HeaderSource source, bool aifc)
    {
        _source = source;
        _aifc = aifc;
    }

    /// <summary>Parses the chunks after the 12-byte FORM header already read from <paramref name="source"/>.</summary>
    public static PcmHeader Parse(HeaderSource source, ReadOnlySpan<byte> formHeader)
        => new AiffHeaderParser(source, formHeader.Slice(8, 4).SequenceEqual("AIFC"u8)).Run();

    private PcmHeader Run()
    {
        Span<byte> header = stackalloc byte[8];
        while (_source.Remaining is not { } remaining || remaining >= 8)
        {
            var chunkStart = _source.Position;
            if (_source.ReadFully(header) < 8)
            {
                break;
            }

            var id = Encoding.Latin1.GetString(header[..4]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            if (size > _source.Remaining)
            {
                if (_dataOffset >= 0)
                {
                    break;
                }

                throw AudioError.Create(
                    id == "COMM" ? AudioErrorCode.Truncated : AudioErrorCode.DataChunkOverrun,
                    _source.Name,
                    $"the '{id.TrimEnd()}' chunk at offset {chunkStart:N0} declares {size:N0} bytes but only {_source.Remaining:N0} remain in the file");
            }

            if (!OnChunk(id, size))
            {
                break;
            }

            if ((size & 1) != 0 && _source.Remaining is not 0)
            {
                _source.Skip(1);
            }
        }

        return Finish();
    }

    private bool OnChunk(string id, long size)
    {
        switch (id)
        {
            case "COMM" when _format is null:
                ReadComm(size);
                return true;
            case "SSND" when _dataOffset < 0:
                return ReadSsnd(size);
            case "NAME":
                _text = _text with { Title = _text.Title ?? TagText.Decode8Bit(_source.ReadChunkPrefix(size, MaxTextChunkBytes, "NAME chunk")) };
                return true;
            case "AUTH":
                _text = _text with { Artist = _text.Artist ?? TagText.Decode8Bit(_source.ReadChunkPrefix(size, MaxTextChunkBytes, "AUTH chunk")) };
                return true;
            case "ID3 " or "id3 ":
                _id3 = TagText.Merge(_id3, Id3TagParser.Parse(_source.ReadChunkPrefix(size, MaxTagChunkBytes, "ID3 chunk")));
                return true;
            default:
                if (!_source.Skip(size) && _dataOffset < 0)
                {
                    throw NoData();
                }

                return true;
        }
    }

    private void ReadComm(long size)
    {
        var minimum = _aifc ? 22 : 18;
        if (size < minimum)
        {
            throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                _source.Name,
                $"the COMM chunk is {size:N0} bytes; an {(_aifc ? "AIFC" : "AIFF")} COMM chunk needs at least {minimum}");
        }

        Span<byte> comm = stackalloc byte[22];
        _source.ReadExactly(comm[..minimum], "COMM chunk");
        if (!_source.Skip(size - minimum))
        {
            throw AudioError.Create(AudioErrorCode.Truncated, _source.Name, $"the file ends inside the COMM chunk");
        }

        var channels = BinaryPrimitives.ReadInt16BigEndian(comm);
        _frames = BinaryPrimitives.ReadUInt32BigEndian(comm[2..]);
        var sampleSize = BinaryPrimitives.ReadInt16BigEndian(comm[6..]);
        var rate = Extended80.ToDouble(comm.Slice(8, 10));
        PcmFormat.ValidateChannelsAndRate(channels, rate, _source.Name, "COMM");
        var compression = _aifc ? comm.Slice(18, 4) : "NONE"u8;
        var (kind, bigEndian) = AifcCompression.Resolve(compression, sampleSize, _source.Name);
        var containerBits = kind switch
        {
            PcmSampleKind.S8 => 8,
            PcmSampleKind.S16 => 16,
            PcmSampleKind.S24 => 24,
            PcmSampleKind.S32 or PcmSampleKind.F32 => 32,
            _ => 64,
        };
        _format = new PcmFormat
        {
            Kind = kind,
            BigEndian = bigEndian,
            Channels = channels,
            SampleRate = (int)Math.Round(rate),
            ContainerBits = containerBits,
            ValidBits = kind is PcmSampleKind.F32 or PcmSampleKind.F64 ? containerBits : sampleSize,
            Layout = ChannelLayout.Default(channels),
        };
    }

    /// <summary>Reads SSND's offset and block size; false ends the walk (non-seekable stream: the samples follow).</summary>
    private bool ReadSsnd(long size)
    {
        if (size < 8)
        {
            throw AudioError.Create(AudioErrorCode.InvalidHeader, _source.Name, $"the SSND chunk is {size:N0} bytes; at least 8 are needed");
        }

        Span<byte> ssnd = stackalloc byte[8];
        _source.ReadExactly(ssnd, "SSND chunk");
        long offset = BinaryPrimitives.ReadUInt32BigEndian(ssnd);
        if (offset > size - 8)
        {
            throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                _source.Name,
                $"the SSND chunk's data offset {offset:N0} lies beyond its {size - 8:N0} bytes of sound data");
        }

        _dataSize = size - 8 - offset;
        if (!_source.CanSeek && _format is null)
        {
            throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                _source.Name,
                $"the SSND chunk comes before the COMM chunk, which a non-seekable stream cannot read back to");
        }

        if (!_source.Skip(offset))
        {
            throw NoData();
        }

        _dataOffset = _source.Position;
        if (!_source.CanSeek)
        {
            return false;
        }

        _source.Skip(_dataSize);
        return true;
    }

    private PcmHeader Finish()
    {
        if (_dataOffset < 0)
        {
            throw NoData();
        }

        var format = _format ?? throw AudioError.Create(AudioErrorCode.InvalidHeader, _source.Name, $"the file has an SSND chunk but no COMM chunk");
        if (_source.CanSeek)
        {
            _source.SeekTo(_dataOffset);
        }

        return new PcmHeader
        {
            Container = _aifc ? "aifc" : "aiff",
            Format = format,
            DataOffset = _dataOffset,
            DataBytes = _dataSize,
            Frames = Math.Min(_frames, _dataSize / format.BlockAlign),
            Tags = TagText.Merge(_id3, _text),
        };
    }

    private AudioDecodeException NoData() => AudioError.Create(
        AudioErrorCode.Truncated,
        _source.Name,
        $"the file ends after {_source.Position:N0} bytes without {(_format is null ? "a COMM chunk or " : string.Empty)}an SSND chunk");
}
