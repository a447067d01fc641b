using System.ComponentModel;
using System.Diagnostics;

namespace MixFleet.Audio.Ffmpeg;

/// <summary>Starting ffmpeg/ffprobe: argument lists only (never a command string), stderr drained, no window.</summary>
internal static class FfmpegProcess
{
    /// <summary>
    /// ffmpeg's input URL for a local path. <c>file:</c> stops a name containing ':' from being read as a protocol
    /// (<c>http:</c>, <c>concat:</c>…) and a name starting with '-' from being read as an option.
    /// </summary>
    public static string InputUrl(string path) => "file:" + Path.GetFullPath(path);

    /// <summary>Starts <paramref name="executable"/> with stdout redirected and stderr drained into <paramref name="stderr"/>.</summary>
    /// <exception cref="AudioDecodeException"><see cref="AudioErrorCode.DecoderNotInstalled"/> when the executable cannot be started.</exception>
    public static Process Start(string executable, IEnumerable<string> arguments, StderrTail stderr, string source) =>
        Start(executable, arguments, stderr, source, keepStdin: false);

    /// <summary>
    /// As <see cref="Start(string, IEnumerable{string}, StderrTail, string)"/>; with <paramref name="keepStdin"/> the
    /// child's stdin stays open for the caller to write (<c>-i pipe:0</c>) and close.
    /// </summary>
    public static Process Start(string executable, IEnumerable<string> arguments, StderrTail stderr, string source, bool keepStdin)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        stderr.Attach(process);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw NotInstalled(executable, source, ex);
        }

        // The child never reads stdin (-nostdin) unless it is fed through it; closing it keeps it from inheriting ours.
        if (!keepStdin)
        {
            process.StandardInput.Close();
        }

        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// True when an exit code says the process was stopped by a signal rather than failing on its input: 128 + the
    /// signal number as .NET reports a signalled child on Unix (137 for SIGKILL, the OOM killer's), or 255, ffmpeg's
    /// own exit code after it received SIGINT or SIGTERM.
    /// </summary>
    public static bool WasKilled(int exitCode) => exitCode > 128;

    /// <summary>Kills the process tree if it still runs, waits for it, and disposes it. Never throws.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(5_000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // Already gone or never started: nothing left to stop.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static AudioDecodeException NotInstalled(string executable, string source, Exception inner)
    {
        var extension = Path.GetExtension(source);
        var what = string.IsNullOrEmpty(extension) ? "compressed audio" : extension.ToLowerInvariant();
        var tool = Path.GetFileNameWithoutExtension(executable);
        return new AudioDecodeException(
            AudioErrorCode.DecoderNotInstalled,
            source,
            $"ffmpeg is not installed or not on the PATH; install it (Debian: apt-get install ffmpeg) to decode {what} files "
            + $"({tool} could not be started: {inner.Message})",
            inner);
    }
}
