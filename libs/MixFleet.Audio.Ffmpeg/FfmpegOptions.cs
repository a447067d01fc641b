namespace MixFleet.Audio.Ffmpeg;

/// <summary>Where to find ffmpeg and ffprobe, and how long a probe may take.</summary>
public sealed class FfmpegOptions
{
    /// <summary>Configuration section the options bind to.</summary>
    public const string SectionName = "Ffmpeg";

    /// <summary>The ffmpeg executable: a bare name is resolved on the PATH. Default <c>ffmpeg</c>.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable: a bare name is resolved on the PATH. Default <c>ffprobe</c>.</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>
    /// How long ffprobe may run before it is killed and the file reported as
    /// <see cref="AudioErrorCode.DecoderFailed"/>. Default 60 seconds.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest stream copied to a temporary file for ffprobe and ffmpeg (<see cref="FfmpegDecoder.Open(Stream, string)"/>);
    /// a larger one fails with <see cref="AudioErrorCode.TooLarge"/> as soon as the copy passes it, so the temporary
    /// directory never holds more than this per track. Default 2 GiB (about 3 hours of 24-bit 96 kHz stereo FLAC).
    /// </summary>
    public long MaxSpoolBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
