namespace MixFleet.Audio.Pcm;

/// <summary>
/// In-process reader of PCM containers: WAV (incl. WAVE_FORMAT_EXTENSIBLE, BWF), RF64/BW64, AIFF and AIFC
/// (NONE, twos, sowt, fl32, fl64). Decodes 8/16/24/32-bit integer and 32/64-bit float PCM into planar float.
/// </summary>
/// <remarks>
/// On a seekable stream all top-level chunks are read at open (the data chunk is seeked over), so tags written after
/// the audio are found. A non-seekable stream is read strictly forward and decoding starts at the data chunk:
/// tags after the data are not seen, and the header must put the format chunk before the data.
/// </remarks>
public sealed class PcmDecoder : IAudioDecoder
{
    private const int FileBufferSize = 1 << 16;

    /// <inheritdoc />
    /// <remarks>The returned reader owns the file and closes it when disposed.</remarks>
    public IAudioReader Open(string path) => AudioFiles.Open(path, FileBufferSize, Open);

    /// <inheritdoc />
    /// <remarks>
    /// The returned reader owns <paramref name="stream"/> and disposes it. When opening fails the stream is left to
    /// the caller. A seekable stream is read from its current position.
    /// </remarks>
    public IAudioReader Open(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            var header = ReadHeader(stream, name);
            return new PcmReader(stream, name, header);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw AudioError.Create(AudioErrorCode.IoError, name, $"the file could not be read ({ex.Message})", ex);
        }
    }

    private static PcmHeader ReadHeader(Stream stream, string name)
    {
        Span<byte> form = stackalloc byte[ContainerSniffer.HeaderLength];
        var read = stream.ReadAtLeast(form, form.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw new AudioDecodeException(AudioErrorCode.EmptyFile, name, "the file is empty (0 bytes)");
        }

        if (read < form.Length)
        {
            throw AudioError.Create(
                AudioErrorCode.Truncated,
                name,
                $"the file is only {read} bytes long; a RIFF/RF64/AIFF header needs {form.Length}");
        }

        if (!ContainerSniffer.IsPcmContainer(form))
        {
            throw AudioError.Create(
                AudioErrorCode.NotAudio,
                name,
                $"the file does not start with a RIFF/RF64/BW64 WAVE or FORM AIFF/AIFC header");
        }

        var source = new HeaderSource(stream, name, read);
        return form[..4].SequenceEqual("FORM"u8)
            ? AiffHeaderParser.Parse(source, form)
            : WaveHeaderParser.Parse(source, form);
    }
}
