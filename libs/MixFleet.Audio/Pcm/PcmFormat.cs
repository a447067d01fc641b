namespace MixFleet.Audio.Pcm;

/// <summary>The sample format of an interleaved PCM data chunk, validated against <see cref="AudioLimits"/>.</summary>
internal sealed record PcmFormat
{
    public required PcmSampleKind Kind { get; init; }

    public required bool BigEndian { get; init; }

    public required int Channels { get; init; }

    public required int SampleRate { get; init; }

    /// <summary>Bits per stored sample (8, 16, 24, 32 or 64).</summary>
    public required int ContainerBits { get; init; }

    /// <summary>Significant bits (WAVE_FORMAT_EXTENSIBLE wValidBitsPerSample, AIFF sampleSize); equals <see cref="ContainerBits"/> when not stated.</summary>
    public required int ValidBits { get; init; }

    public required ChannelLayout Layout { get; init; }

    public int BytesPerSample => ContainerBits / 8;

    public int BlockAlign => Channels * BytesPerSample;

    /// <summary>The codec name in ffmpeg's vocabulary.</summary>
    public string Codec => Kind switch
    {
        PcmSampleKind.U8 => "pcm_u8",
        PcmSampleKind.S8 => "pcm_s8",
        PcmSampleKind.S16 => BigEndian ? "pcm_s16be" : "pcm_s16le",
        PcmSampleKind.S24 => BigEndian ? "pcm_s24be" : "pcm_s24le",
        PcmSampleKind.S32 => BigEndian ? "pcm_s32be" : "pcm_s32le",
        PcmSampleKind.F32 => BigEndian ? "pcm_f32be" : "pcm_f32le",
        _ => BigEndian ? "pcm_f64be" : "pcm_f64le",
    };

    /// <summary>Rejects channel counts and sample rates outside <see cref="AudioLimits"/> with <see cref="AudioErrorCode.InvalidHeader"/>.</summary>
    public static void ValidateChannelsAndRate(long channels, double sampleRate, string name, string chunk)
    {
        if (channels < 1 || channels > AudioLimits.MaxChannels)
        {
            throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                name,
                $"the {chunk} chunk declares {channels} channels; between 1 and {AudioLimits.MaxChannels} are accepted");
        }

        if (!(sampleRate >= AudioLimits.MinSampleRate && sampleRate <= AudioLimits.MaxSampleRate))
        {
            throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                name,
                $"the {chunk} chunk declares a sample rate of {sampleRate:N0} Hz; between {AudioLimits.MinSampleRate:N0} and {AudioLimits.MaxSampleRate:N0} Hz are accepted");
        }
    }

    /// <summary>The integer kind for a container width in bits, or null when unsupported.</summary>
    public static PcmSampleKind? IntegerKind(int containerBits, bool unsigned8) => containerBits switch
    {
        8 => unsigned8 ? PcmSampleKind.U8 : PcmSampleKind.S8,
        16 => PcmSampleKind.S16,
        24 => PcmSampleKind.S24,
        32 => PcmSampleKind.S32,
        _ => null,
    };
}
