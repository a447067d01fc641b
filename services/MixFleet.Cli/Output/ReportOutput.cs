namespace MixFleet.Cli.Output;

/// <summary>Writes a rendered report to a file, or to standard output for <c>-</c>.</summary>
internal static class ReportOutput
{
    /// <remarks>
    /// The file is written in place (created or truncated), as shell redirection would. It is deliberately not written
    /// beside the target and moved over it: that would replace a device such as <c>/dev/null</c> or a FIFO with a
    /// regular file, and break links and permissions of an existing file.
    /// </remarks>
    public static async Task WriteAsync(string path, string text, TextWriter output, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            await output.WriteAsync(text);
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, text, cancellationToken);
    }
}
