using System.Buffers.Binary;
using System.Text;

namespace MixFleet.Audio.Pcm;

/// <summary>
/// Walks the chunks of a RIFF/WAVE, RF64/WAVE or BW64/WAVE file: <c>ds64</c>, <c>fmt </c>, <c>data</c>, <c>LIST</c>/<c>INFO</c>,
/// <c>id3 </c>, <c>bext</c>; everything else is skipped (word-aligned: a pad byte follows odd-sized chunks).
/// </summary>
/// <remarks>
/// On a seekable stream every top-level chunk is visited (the data chunk is seeked over) so tags written after the
/// audio are found, then the stream is put back at the first sample. On a non-seekable stream the walk stops at the
/// data chunk: tags after it are not seen, and a data chunk before the fmt chunk cannot be read.
/// A RIFF (not RF64) data chunk sized 0xFFFFFFFF, or sized 0 with bytes after it, is the placeholder of a recording
/// whose header was never finalised; it is reported as <see cref="AudioErrorCode.DataChunkOverrun"/> rather than guessed.
/// </remarks>
internal sealed class WaveHeaderParser
{
    private const int MaxTagChunkBytes = 1 << 20;
    private const int BextPrefix = 256 + 32;

    private readonly HeaderSource _source;
    private readonly bool _rf64;
    private readonly string _container;
    private PcmFormat? _format;
    private long? _ds64DataSize;
    private long _dataOffset = -1;
    private long _dataSize;
    private AudioTags _info = AudioTags.Empty;
    private AudioTags _id3 = AudioTags.Empty;
    private AudioTags _bext = AudioTags.Empty;

    private WaveHeaderParser(HeaderSource source, ReadOnlySpan<byte> riffHeader)
    {
        _source = source;
        _rf64 = !riffHeader[..4].SequenceEqual("RIFF"u8);
        _container = riffHeader[..4].SequenceEqual("BW64"u8) ? "bw64" : _rf64 ? "rf64" : "wav";
    }

    /// <summary>Parses the chunks after the 12-byte RIFF header already read from <paramref name="source"/>.</summary>
    public static PcmHeader Parse(HeaderSource source, ReadOnlySpan<byte> riffHeader)
        => new WaveHeaderParser(source, riffHeader).Run();

    private PcmHeader Run()
    {
        Span<byte> header = stackalloc byte[8];
        while (true)
        {
            if (_source.Remaining is { } remaining && remaining < 8)
            {
                break; // end of file (a few stray trailing bytes are ignored)
            }

            var chunkStart = _source.Position;
            if (_source.ReadFully(header) < 8)
            {
                break;
            }

            var id = Encoding.Latin1.GetString(header[..4]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            if (id == "data")
            {
                if (!OnData(size, chunkStart))
                {
                    break;
                }
            }
            else if (!OnChunk(id, size, chunkStart))
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

    /// <summary>Handles a non-data chunk; false ends the walk.</summary>
    private bool OnChunk(string id, long size, long chunkStart)
    {
        var needed = id is "fmt " or "ds64";
        if (size > _source.Remaining)
        {
            if (_dataOffset >= 0)
            {
                return false; // a damaged chunk after the audio: keep the audio, stop looking for tags
            }

            throw AudioError.Create(
                needed ? AudioErrorCode.Truncated : AudioErrorCode.DataChunkOverrun,
                _source.Name,
                $"the '{id.TrimEnd()}' chunk at offset {chunkStart:N0} declares {size:N0} bytes but only {_source.Remaining:N0} remain in the file");
        }

        switch (id)
        {
            case "fmt " when _format is null:
                ReadFmt(size);
                return true;
            case "ds64" when _rf64:
                ReadDs64(size);
                return true;
            case "LIST":
                _info = TagText.Merge(_info, RiffInfoParser.Parse(_source.ReadChunkPrefix(size, MaxTagChunkBytes, "LIST chunk")));
                return true;
            case "id3 " or "ID3 ":
                _id3 = TagText.Merge(_id3, Id3TagParser.Parse(_source.ReadChunkPrefix(size, MaxTagChunkBytes, "ID3 chunk")));
                return true;
            case "bext":
                var bext = _source.ReadChunkPrefix(size, BextPrefix, "bext chunk");
                _bext = new AudioTags
                {
                    Description = TagText.Decode8Bit(bext.AsSpan(0, Math.Min(256, bext.Length))),
                    Originator = bext.Length > 256 ? TagText.Decode8Bit(bext.AsSpan(256)) : null,
                };
                return true;
            default:
                if (!_source.Skip(size) && _dataOffset < 0)
                {
                    throw NoData();
                }

                return true;
        }
    }

    private void ReadFmt(long size)
    {
        if (size < WaveFormatParser.MinLength)
        {
            throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                _source.Name,
                $"the fmt chunk is {size:N0} bytes; at least {WaveFormatParser.MinLength} are needed");
        }

        Span<byte> fmt = stackalloc byte[WaveFormatParser.ExtensibleLength];
        var length = (int)Math.Min(size, fmt.Length);
        _source.ReadExactly(fmt[..length], "fmt chunk");
        _format = WaveFormatParser.Parse(fmt[..length], size, _source.Name);
        SkipRest(size - length, "fmt chunk");
    }

    private void ReadDs64(long size)
    {
        if (size < 28)
        {
            throw AudioError.Create(AudioErrorCode.InvalidHeader, _source.Name, $"the ds64 chunk is {size:N0} bytes; at least 28 are needed");
        }

        Span<byte> ds64 = stackalloc byte[28];
        _source.ReadExactly(ds64, "ds64 chunk");
        var dataSize = BinaryPrimitives.ReadUInt64LittleEndian(ds64[8..]);
        _ds64DataSize = dataSize > long.MaxValue ? long.MaxValue : (long)dataSize;
        SkipRest(size - 28, "ds64 chunk");
    }

    /// <summary>Handles the data chunk; false ends the walk (non-seekable stream: the samples follow).</summary>
    private bool OnData(long size, long chunkStart)
    {
        if (_dataOffset >= 0)
        {
            return false; // a second data chunk: only the first is audio
        }

        size = ResolveDataSize(size, chunkStart);
        _dataOffset = _source.Position;
        _dataSize = size;
        if (!_source.CanSeek)
        {
            if (_format is null)
            {
                throw AudioError.Create(
                    AudioErrorCode.InvalidHeader,
                    _source.Name,
                    $"the data chunk at offset {chunkStart:N0} comes before the fmt chunk, which a non-seekable stream cannot read back to");
            }

            return false;
        }

        _source.Skip(size);
        return true;
    }

    private long ResolveDataSize(long size, long chunkStart)
    {
        if (_rf64 && size == uint.MaxValue)
        {
            size = _ds64DataSize ?? throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                _source.Name,
                $"the {_container.ToUpperInvariant()} data chunk size is 0xFFFFFFFF but there is no ds64 chunk before it");
        }
        else if (!_rf64 && size == uint.MaxValue)
        {
            throw AudioError.Create(
                AudioErrorCode.DataChunkOverrun,
                _source.Name,
                $"the data chunk at offset {chunkStart:N0} declares 0xFFFFFFFF bytes, the placeholder of a recording whose header was never finalised");
        }
        else if (!_rf64 && size == 0 && _source.Remaining is not 0)
        {
            throw AudioError.Create(
                AudioErrorCode.DataChunkOverrun,
                _source.Name,
                $"the data chunk at offset {chunkStart:N0} declares 0 bytes but is followed by more of the file, the placeholder of a recording whose header was never finalised");
        }

        if (size > _source.Remaining)
        {
            throw AudioError.Create(
                AudioErrorCode.DataChunkOverrun,
                _source.Name,
                $"the data chunk declares {size:N0} bytes but only {_source.Remaining:N0} remain in the file");
        }

        return size;
    }

    private PcmHeader Finish()
    {
        if (_dataOffset < 0)
        {
            throw NoData();
        }

        var format = _format ?? throw AudioError.Create(AudioErrorCode.InvalidHeader, _source.Name, $"the file has a data chunk but no fmt chunk");
        if (_source.CanSeek)
        {
            _source.SeekTo(_dataOffset);
        }

        return new PcmHeader
        {
            Container = _container,
            Format = format,
            DataOffset = _dataOffset,
            DataBytes = _dataSize,
            Frames = _dataSize / format.BlockAlign,
            Tags = TagText.Merge(TagText.Merge(_id3, _info), _bext),
        };
    }

    private void SkipRest(long count, string what)
    {
        if (!_source.Skip(count))
        {
            throw AudioError.Create(AudioErrorCode.Truncated, _source.Name, $"the file ends inside the {what}");
        }
    }

    private AudioDecodeException NoData() => AudioError.Create(
        AudioErrorCode.Truncated,
        _source.Name,
        $"the file ends after {_source.Position:N0} bytes without {(_format is null ? "a fmt chunk or " : string.Empty)}a data chunk");
}
