namespace MixFleet.Audio.Ffmpeg;

/// <summary>The encodings of the codec preview: what the streaming services deliver, with encoders Debian's ffmpeg has.</summary>
public static class LossyCodecs
{
    /// <summary>
    /// AAC-LC at 256 kb/s (Apple Music, iTunes Plus) with ffmpeg's native encoder, at the source's rate when AAC has it
    /// (7.35–96 kHz). ADTS carries no edit list, so the decoded stream keeps the encoder's priming (1024 frames of
    /// near-silence at the start) and its padding at the end: shifted times, the same peaks.
    /// </summary>
    public static LossyCodec Aac256 { get; } = new()
    {
        Name = "aac",
        Encoder = "aac",
        BitrateKbps = 256,
        Container = "adts",
        SampleRates = [96_000, 88_200, 64_000, 48_000, 44_100, 32_000, 24_000, 22_050, 16_000, 12_000, 11_025, 8_000, 7_350],
    };

    /// <summary>
    /// Opus at 160 kb/s (Spotify's "very high", YouTube Music) with libopus. Opus runs at 48 kHz only, so a 44.1 kHz
    /// master is resampled first (as every Opus service does); the decoder drops the 312-frame pre-skip the Ogg header states.
    /// </summary>
    public static LossyCodec Opus160 { get; } = new()
    {
        Name = "opus",
        Encoder = "libopus",
        BitrateKbps = 160,
        Container = "ogg",
        SampleRates = [48_000],
    };

    /// <summary>Every codec of the preview, in report order.</summary>
    public static IReadOnlyList<LossyCodec> All { get; } = [Aac256, Opus160];
}
