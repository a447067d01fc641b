namespace MixFleet.Reports.Tracks;

/// <summary>The stream's format.</summary>
public sealed record FormatReport
{
    /// <summary>Container, e.g. <c>wav</c>, <c>rf64</c>, <c>aiff</c>, <c>flac</c>.</summary>
    public required string Container { get; init; }

    /// <summary>Codec in ffmpeg's vocabulary, e.g. <c>pcm_s24le</c>.</summary>
    public required string Codec { get; init; }

    /// <summary>Frames per second.</summary>
    public required int SampleRate { get; init; }

    /// <summary>Channel count.</summary>
    public required int Channels { get; init; }

    /// <summary>Channel layout name, e.g. <c>stereo</c>, <c>5.1</c>.</summary>
    public required string ChannelLayout { get; init; }

    /// <summary>Stored bits per sample; null for lossy codecs.</summary>
    public int? BitDepth { get; init; }

    /// <summary>Significant bits per sample (a 24-bit file holding 16-bit audio reads 16); null when not measurable (float, lossy, silence).</summary>
    public int? EffectiveBitDepth { get; init; }

    /// <summary>Decoded duration (header duration when the file was not decoded).</summary>
    public double? DurationSeconds { get; init; }
}
