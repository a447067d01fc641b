namespace MixFleet.Audio.Ffmpeg;

/// <summary>Temporary copies of streams that ffprobe and ffmpeg both need to read.</summary>
internal static class TempFiles
{
    /// <summary>
    /// Copies <paramref name="stream"/> to its end into a new temporary file, keeping the extension of
    /// <paramref name="name"/> (a hint for ffmpeg's probing), and returns its path.
    /// </summary>
    public static string CopyToTemp(Stream stream, string name)
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
            stream.CopyTo(file);
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
