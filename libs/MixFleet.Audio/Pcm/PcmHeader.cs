namespace MixFleet.Audio.Pcm;

/// <summary>What a header parser found: the format, where the samples are, and the tags.</summary>
internal sealed record PcmHeader
{
    /// <summary><c>wav</c>, <c>rf64</c>, <c>bw64</c>, <c>aiff</c> or <c>aifc</c>.</summary>
    public required string Container { get; init; }

    public required PcmFormat Format { get; init; }

    /// <summary>Offset of the first sample, relative to where the reader started.</summary>
    public required long DataOffset { get; init; }

    /// <summary>Whole frames to decode (a trailing partial frame is ignored).</summary>
    public required long Frames { get; init; }

    /// <summary>Bytes the data chunk declares, for error messages.</summary>
    public required long DataBytes { get; init; }

    public AudioTags Tags { get; init; } = AudioTags.Empty;
}
