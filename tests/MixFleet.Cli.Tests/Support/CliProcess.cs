using System.Diagnostics;
using System.Globalization;

namespace MixFleet.Cli.Tests.Support;

/// <summary>
/// Runs the built <c>mixfleet</c> as its own process, as a user does: a crash (stack overflow, the OOM killer) kills
/// it and not the test host, and its memory is its own. Bounded in time; its peak resident memory is the kernel's
/// high-water mark (VmHWM in /proc/PID/status, a maximum the kernel keeps, so reading it often loses nothing but the
/// last moments), read until it exits. <c>MIXFLEET_CLI</c> names a published executable to run instead of the built
/// <c>mixfleet.dll</c> (the Native AOT binary: <c>MIXFLEET_CLI=artifacts/mixfleet/mixfleet dotnet test ...</c>).
/// </summary>
internal static class CliProcess
{
    public sealed record Result(int? ExitCode, string Output, string Error, long PeakResidentBytes, TimeSpan Elapsed);

    /// <param name="arguments">The command line after <c>mixfleet</c>.</param>
    /// <param name="timeout">After it the process is killed and <see cref="Result.ExitCode"/> is null.</param>
    /// <param name="environment">Extra environment variables for the child.</param>
    public static async Task<Result> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var published = Environment.GetEnvironmentVariable("MIXFLEET_CLI") is { Length: > 0 } executable ? Path.GetFullPath(executable) : null;
        var start = new ProcessStartInfo(published ?? (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (published is null)
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mixfleet.dll"));
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("mixfleet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var statusPath = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        long peak = 0;
        while (!exited.IsCompleted && clock.Elapsed < timeout)
        {
            peak = Math.Max(peak, HighWaterMark(statusPath));
            await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMilliseconds(10)));
        }

        if (!exited.IsCompleted)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new Result(null, await output, await error, peak, clock.Elapsed);
        }

        await exited;
        return new Result(process.ExitCode, await output, await error, peak, clock.Elapsed);
    }

    /// <summary>VmHWM in bytes, or 0 once the process is gone (its status no longer carries memory lines).</summary>
    private static long HighWaterMark(string statusPath)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
