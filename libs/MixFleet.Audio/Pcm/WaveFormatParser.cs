using System.Buffers.Binary;

namespace MixFleet.Audio.Pcm;

/// <summary>Validates a WAVE <c>fmt </c> chunk (WAVEFORMATEX / WAVE_FORMAT_EXTENSIBLE) into a <see cref="PcmFormat"/>.</summary>
internal static class WaveFormatParser
{
    /// <summary>Smallest fmt chunk: PCMWAVEFORMAT.</summary>
    public const int MinLength = 16;

    /// <summary>Bytes of WAVEFORMATEXTENSIBLE; longer chunks are read this far and the rest skipped.</summary>
    public const int ExtensibleLength = 40;

    private const ushort TagPcm = 0x0001;
    private const ushort TagFloat = 0x0003;
    private const ushort TagExtensible = 0xFFFE;

    /// <summary>KSDATAFORMAT_SUBTYPE_* GUIDs end with these 14 bytes; the first two carry the format tag.</summary>
    private static ReadOnlySpan<byte> SubFormatSuffix => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Parses the first bytes of a fmt chunk (<paramref name="declaredLength"/> is the chunk's size field).</summary>
    public static PcmFormat Parse(ReadOnlySpan<byte> fmt, long declaredLength, string name)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        PcmFormat.ValidateChannelsAndRate(channels, sampleRate, name, "fmt");

        int validBits = bits;
        var layout = ChannelLayout.Default(channels);
        var encoding = tag;
        if (tag == TagExtensible)
        {
            if (declaredLength < ExtensibleLength || fmt.Length < ExtensibleLength)
            {
                throw AudioError.Create(
                    AudioErrorCode.InvalidHeader,
                    name,
                    $"the fmt chunk declares WAVE_FORMAT_EXTENSIBLE but is {declaredLength:N0} bytes; {ExtensibleLength} are needed");
            }

            var valid = BinaryPrimitives.ReadUInt16LittleEndian(fmt[18..]);
            validBits = valid is > 0 and <= 64 && valid <= bits ? valid : bits;
            layout = ChannelLayout.FromWaveMask(BinaryPrimitives.ReadUInt32LittleEndian(fmt[20..]), channels);
            var subFormat = fmt.Slice(24, 16);
            encoding = BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
            if (!subFormat[2..].SequenceEqual(SubFormatSuffix))
            {
                throw AudioError.Create(
                    AudioErrorCode.UnsupportedEncoding,
                    name,
                    $"WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(subFormat):D} is not supported (only PCM and IEEE float are)");
            }
        }

        PcmSampleKind kind;
        if (encoding == TagPcm)
        {
            kind = PcmFormat.IntegerKind(bits, unsigned8: true) ?? throw BadBits(name, bits, "integer PCM", "8, 16, 24 or 32");
        }
        else if (encoding == TagFloat)
        {
            kind = bits switch
            {
                32 => PcmSampleKind.F32,
                64 => PcmSampleKind.F64,
                _ => throw BadBits(name, bits, "IEEE float", "32 or 64"),
            };
        }
        else
        {
            var what = tag == TagExtensible ? "WAVE_FORMAT_EXTENSIBLE sub-format" : "WAVE format tag";
            throw AudioError.Create(
                AudioErrorCode.UnsupportedEncoding,
                name,
                $"{what} 0x{encoding:X4} ({TagName(encoding)}) is not supported; only PCM (0x0001) and IEEE float (0x0003) are decoded in-process");
        }

        var expectedAlign = channels * (bits / 8);
        if (blockAlign != expectedAlign)
        {
            throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                name,
                $"the fmt chunk declares a block alignment of {blockAlign} bytes, but {channels} channels × {bits / 8} bytes per sample = {expectedAlign}");
        }

        return new PcmFormat
        {
            Kind = kind,
            BigEndian = false,
            Channels = channels,
            SampleRate = (int)sampleRate,
            ContainerBits = bits,
            ValidBits = validBits,
            Layout = layout,
        };
    }

    private static AudioDecodeException BadBits(string name, int bits, string encoding, string supported)
        => AudioError.Create(
            AudioErrorCode.InvalidHeader,
            name,
            $"the fmt chunk declares {bits} bits per sample for {encoding}; {supported} are supported");

    /// <summary>Names of the format tags met in practice, for error messages.</summary>
    internal static string TagName(ushort tag) => tag switch
    {
        0x0002 => "Microsoft ADPCM",
        0x0006 => "A-law",
        0x0007 => "μ-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG",
        0x0055 => "MPEG Layer III",
        0x0092 => "Dolby AC-3 SPDIF",
        0x0161 or 0x0162 or 0x0163 => "Windows Media Audio",
        0x2000 => "Dolby AC-3",
        0x2001 => "DTS",
        0xF1AC => "FLAC",
        _ => "unknown encoding",
    };
}
