namespace MixFleet.Audio;

/// <summary>Opening a file for a decoder that reads streams: the same errors and ownership for every in-process decoder.</summary>
internal static class AudioFiles
{
    /// <summary>
    /// Opens <paramref name="path"/> for one forward pass and hands it to <paramref name="open"/>, whose reader owns the
    /// file from then on; when <paramref name="open"/> throws, the file is closed.
    /// </summary>
    /// <exception cref="AudioDecodeException"><see cref="AudioErrorCode.FileNotFound"/> or <see cref="AudioErrorCode.IoError"/>.</exception>
    public static IAudioReader Open(string path, int bufferSize, Func<Stream, string, IAudioReader> open)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AudioDecodeException(AudioErrorCode.FileNotFound, path, "the file does not exist", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw AudioError.Create(AudioErrorCode.IoError, path, $"the file could not be opened ({ex.Message})", ex);
        }

        try
        {
            return open(file, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
