namespace MixFleet.Audio.Ffmpeg;

/// <summary>Temporary copies of streams that ffprobe and ffmpeg both need to read.</summary>
internal static class TempFiles
{
    /// <summary>
    /// Copies <paramref name="stream"/> to its end into a new temporary file, keeping the extension of
    /// <paramref name="name"/> (a hint for ffmpeg's probing), and returns its path.
    /// </summary>
    /// <exception cref="AudioDecodeException"><see cref="AudioErrorCode.TooLarge"/>: the stream passed <paramref name="maxBytes"/> (nothing is left behind).</exception>
    public static string CopyToTemp(Stream stream, string name, long maxBytes)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > 10 || extension.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            extension = string.Empty;
        }

        var path = Path.Combine(Path.GetTempPath(), $"mixfleet-{Guid.NewGuid():N}{extension}");
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, FileOptions.SequentialScan);
            var buffer = new byte[81_920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (file.Length + read > maxBytes)
                {
                    throw new AudioDecodeException(AudioErrorCode.TooLarge, name, $"the stream is larger than {maxBytes} bytes, the most the decoder copies to a temporary file for ffmpeg");
                }

                file.Write(buffer, 0, read);
            }
        }
        catch
        {
            TryDelete(path);
            throw;
        }

        return path;
    }

    /// <summary>Deletes a file, ignoring failures (a leftover temp file is not worth an exception).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the OS's temp cleaning.
        }
    }
}
