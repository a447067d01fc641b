namespace MixFleet.Audio;

/// <summary>What a probe or an open reader knows about a stream.</summary>
public sealed record AudioStreamInfo
{
    /// <summary>Container: <c>wav</c>, <c>rf64</c>, <c>bw64</c>, <c>aiff</c>, <c>aifc</c>, or ffprobe's format name (<c>flac</c>, <c>mp3</c>, …).</summary>
    public required string Container { get; init; }

    /// <summary>Codec in ffmpeg's vocabulary: <c>pcm_s16le</c>, <c>pcm_s24be</c>, <c>pcm_f32le</c>, <c>flac</c>, <c>mp3</c>, …</summary>
    public required string Codec { get; init; }

    /// <summary>Frames per second.</summary>
    public required int SampleRate { get; init; }

    /// <summary>Number of channels.</summary>
    public required int Channels { get; init; }

    /// <summary>Bits per sample of the stored PCM (or of the lossless codec); null for lossy codecs.</summary>
    public int? BitDepth { get; init; }

    /// <summary>
    /// Significant bits per sample when the container states fewer than <see cref="BitDepth"/>
    /// (WAVE_FORMAT_EXTENSIBLE wValidBitsPerSample, AIFF sampleSize, e.g. 20 in a 24-bit container); otherwise equal to it or null.
    /// </summary>
    public int? ValidBitsPerSample { get; init; }

    /// <summary>What each channel carries; decides the BS.1770 channel weights.</summary>
    public required ChannelLayout Layout { get; init; }

    /// <summary>Total frames when the container states it; null when only decoding to the end can tell.</summary>
    public long? TotalFrames { get; init; }

    /// <summary>Duration in seconds when known from the header.</summary>
    public double? DurationSeconds => TotalFrames is { } frames ? (double)frames / SampleRate : null;

    /// <summary>Tags read from the container (RIFF INFO, ID3, AIFF text chunks, BWF, or ffprobe).</summary>
    public AudioTags Tags { get; init; } = AudioTags.Empty;
}
