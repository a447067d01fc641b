namespace MixFleet.Audio.Ffmpeg;

/// <summary>
/// A lossy encoding the codec preview runs a track through (<see cref="CodecRoundTrip"/>): ffmpeg's encoder, its bitrate,
/// the raw container it is piped in, and the sample rates it encodes at.
/// </summary>
public sealed record LossyCodec
{
    /// <summary>The codec as reported: <c>aac</c>, <c>opus</c>.</summary>
    public required string Name { get; init; }

    /// <summary>ffmpeg's encoder (<c>-c:a</c>): <c>aac</c> (ffmpeg's native AAC-LC encoder), <c>libopus</c>.</summary>
    public required string Encoder { get; init; }

    /// <summary>Target bitrate, kb/s (<c>-b:a</c>).</summary>
    public required int BitrateKbps { get; init; }

    /// <summary>
    /// The container the encoded stream crosses the pipe in (<c>-f</c> of the encoder and of the decoder): a streamable
    /// one that needs no seek back, <c>adts</c> for AAC, <c>ogg</c> for Opus.
    /// </summary>
    public required string Container { get; init; }

    /// <summary>The sample rates the encoder takes; the source's rate is kept when listed, else <see cref="FallbackSampleRate"/>.</summary>
    public required IReadOnlyList<int> SampleRates { get; init; }

    /// <summary>The rate a source at an unlisted rate is resampled to (ffmpeg's default resampler) before encoding.</summary>
    public int FallbackSampleRate { get; init; } = 48_000;

    /// <summary>The rate the encoder runs at, and the decoded stream has, for a source at <paramref name="sourceRate"/>.</summary>
    public int EncodedSampleRate(int sourceRate) => SampleRates.Contains(sourceRate) ? sourceRate : FallbackSampleRate;
}
