namespace MixFleet.Audio;

/// <summary>Opens audio for decoding. The seam between the engine and any container or codec.</summary>
public interface IAudioDecoder
{
    /// <summary>Opens a file. Throws <see cref="AudioDecodeException"/> with a specific code when it cannot.</summary>
    IAudioReader Open(string path);

    /// <summary>
    /// Opens a stream (for example an S3 object body). <paramref name="name"/> names the source in errors and
    /// hints at the format by its extension. A non-seekable stream is read strictly forward.
    /// </summary>
    IAudioReader Open(Stream stream, string name);
}
