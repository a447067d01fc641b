using MixFleet.Audio.Flac;

namespace MixFleet.Audio;

/// <summary>
/// In-process FLAC decoder written from RFC 9639: every bit depth from 4 to 32, 1–8 channels, fixed and variable
/// block sizes, all subframe types and stereo modes. Streams frame by frame from any stream (an S3 body included)
/// without a temporary file; checks each frame's CRC-8 and CRC-16, the sample count and the STREAMINFO MD5, and
/// reports damage with specific codes (docs/flac-decoder.md).
/// </summary>
public sealed class FlacDecoder : IAudioDecoder
{
    private readonly bool _verifyMd5;

    /// <summary>Creates the decoder.</summary>
    /// <param name="verifyMd5">Check the decoded audio against the STREAMINFO MD5 (on by default; the check costs CPU).</param>
    public FlacDecoder(bool verifyMd5 = true)
    {
        _verifyMd5 = verifyMd5;
    }

    /// <summary>True when <paramref name="header"/> starts with the FLAC marker <c>fLaC</c>.</summary>
    public static bool IsFlac(ReadOnlySpan<byte> header) => header.StartsWith("fLaC"u8);

    /// <inheritdoc />
    /// <remarks>The returned reader owns the file and closes it when disposed.</remarks>
    public IAudioReader Open(string path) =>
        AudioFiles.Open(path, bufferSize: 0, Open);   // unbuffered: the bit reader reads large blocks itself

    /// <inheritdoc />
    /// <remarks>
    /// The stream is read strictly forward (it need not be seekable). The returned reader owns <paramref name="stream"/>
    /// and disposes it; when opening fails the stream is left to the caller.
    /// </remarks>
    public IAudioReader Open(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return new FlacReader(stream, name, _verifyMd5);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw AudioError.Create(AudioErrorCode.IoError, name, $"the file could not be read ({ex.Message})", ex);
        }
    }
}
