using System.Collections.Concurrent;

namespace MixFleet.Audio.Ffmpeg;

/// <summary>Which encoders an ffmpeg has (<c>ffmpeg -encoders</c>), asked once per executable, then cached.</summary>
internal static class FfmpegEncoders
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlySet<string>>> Lists = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="ffmpeg"/> lists <paramref name="encoder"/>; false when it does not, or does not run.</summary>
    public static bool Has(string ffmpeg, string encoder) =>
        Lists.GetOrAdd(ffmpeg, path => new Lazy<IReadOnlySet<string>>(() => List(path))).Value.Contains(encoder);

    /// <summary>The encoder names of an <c>ffmpeg -encoders</c> listing: after the <c>------</c> line, the second word of each line.</summary>
    public static IReadOnlySet<string> Parse(string listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var started = false;
        foreach (var line in listing.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!started)
            {
                started = trimmed.StartsWith("------", StringComparison.Ordinal);
                continue;
            }

            var words = trimmed.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2)
            {
                names.Add(words[1]);
            }
        }

        return names;
    }

    private static IReadOnlySet<string> List(string ffmpeg)
    {
        var stderr = new StderrTail();
        System.Diagnostics.Process process;
        try
        {
            process = FfmpegProcess.Start(ffmpeg, ["-hide_banner", "-nostdin", "-encoders"], stderr, "ffmpeg -encoders");
        }
        catch (AudioDecodeException)
        {
            return new HashSet<string>();
        }

        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
            {
                return new HashSet<string>();
            }

            return Parse(output.GetAwaiter().GetResult());
        }
        finally
        {
            FfmpegProcess.Stop(process);
        }
    }
}
