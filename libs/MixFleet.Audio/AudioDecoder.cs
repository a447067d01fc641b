using MixFleet.Audio.Pcm;

namespace MixFleet.Audio;

/// <summary>
/// The default decoder: WAV, BWF, RF64/BW64, AIFF, AIFC and FLAC in-process; everything else through the fallback
/// (ffmpeg in every deployment: <c>new AudioDecoder(new FfmpegDecoder())</c> from MixFleet.Audio.Ffmpeg).
/// The choice is made from the file's first bytes, never from its extension.
/// </summary>
/// <remarks>The fallback is a constructor argument so that this layer, and the analysis engine above it, never
/// reference process code.</remarks>
public sealed class AudioDecoder : IAudioDecoder
{
    private readonly PcmDecoder _pcm;
    private readonly FlacDecoder _flac;
    private readonly IAudioDecoder _fallback;

    /// <summary>Creates the decoder with the default in-process decoders and <paramref name="fallback"/> for every other format.</summary>
    public AudioDecoder(IAudioDecoder fallback)
        : this(new PcmDecoder(), new FlacDecoder(), fallback)
    {
    }

    /// <summary>Creates the decoder from its three parts.</summary>
    public AudioDecoder(PcmDecoder pcm, FlacDecoder flac, IAudioDecoder fallback)
    {
        ArgumentNullException.ThrowIfNull(pcm);
        ArgumentNullException.ThrowIfNull(flac);
        ArgumentNullException.ThrowIfNull(fallback);
        _pcm = pcm;
        _flac = flac;
        _fallback = fallback;
    }

    /// <inheritdoc />
    public IAudioReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var header = new byte[ContainerSniffer.HeaderLength];
        int read;
        var flacAfterId3 = false;
        try
        {
            using var file = File.OpenRead(path);
            if (file.Length == 0)
            {
                throw new AudioDecodeException(AudioErrorCode.EmptyFile, path, "the file is empty (0 bytes)");
            }

            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            var tag = LeadingId3.TagLength(header.AsSpan(0, read));
            if (tag > 0 && tag + 4 <= file.Length)
            {
                Span<byte> marker = stackalloc byte[4];
                file.Seek(tag, SeekOrigin.Begin);
                flacAfterId3 = file.ReadAtLeast(marker, 4, throwOnEndOfStream: false) == 4 && FlacDecoder.IsFlac(marker);
            }
        }
        catch (FileNotFoundException ex)
        {
            throw new AudioDecodeException(AudioErrorCode.FileNotFound, path, "the file does not exist", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new AudioDecodeException(AudioErrorCode.FileNotFound, path, "the file does not exist", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AudioDecodeException(AudioErrorCode.IoError, path, $"the file could not be read ({ex.Message})", ex);
        }

        return (flacAfterId3 ? _flac : Route(header.AsSpan(0, read))).Open(path);
    }

    /// <inheritdoc />
    public IAudioReader Open(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[ContainerSniffer.HeaderLength];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw new AudioDecodeException(AudioErrorCode.EmptyFile, name, "the file is empty (0 bytes)");
        }

        var tag = LeadingId3.TagLength(header.AsSpan(0, read));
        if (tag is > 0 and <= LeadingId3.MaxTagLength)
        {
            // Read past the tag (bounded) to see whether FLAC or something else (MP3) follows it.
            Array.Resize(ref header, tag + 4);
            read += stream.ReadAtLeast(header.AsSpan(read), header.Length - read, throwOnEndOfStream: false);
        }

        Stream replay = stream.CanSeek ? Rewind(stream, read) : new PrefixedStream(header.AsMemory(0, read), stream);
        var flacAfterId3 = tag > 0 && read == tag + 4 && FlacDecoder.IsFlac(header.AsSpan(tag));
        return (flacAfterId3 ? _flac : Route(header.AsSpan(0, Math.Min(read, ContainerSniffer.HeaderLength)))).Open(replay, name);
    }

    // FLAC in Ogg is left to ffmpeg (docs/flac-decoder.md).
    private IAudioDecoder Route(ReadOnlySpan<byte> header) =>
        ContainerSniffer.IsPcmContainer(header) ? _pcm : FlacDecoder.IsFlac(header) ? _flac : _fallback;

    private static Stream Rewind(Stream stream, int read)
    {
        stream.Seek(-read, SeekOrigin.Current);
        return stream;
    }
}
