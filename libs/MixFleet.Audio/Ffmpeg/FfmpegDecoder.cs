namespace MixFleet.Audio.Ffmpeg;

/// <summary>Decodes everything the in-process readers do not (FLAC, MP3, AAC/M4A, Ogg, Opus, ALAC…) by piping raw float from ffmpeg.</summary>
public sealed class FfmpegDecoder : IAudioDecoder
{
    /// <inheritdoc />
    public IAudioReader Open(string path) => throw new NotImplementedException();

    /// <inheritdoc />
    public IAudioReader Open(Stream stream, string name) => throw new NotImplementedException();
}
