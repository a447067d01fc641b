using System.CommandLine;

namespace MixFleet.Cli.Commands;

/// <summary>The <c>mixfleet</c> command line: builds the command tree, maps parse errors to exit code 2.</summary>
internal static class MixFleetCli
{
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output (default: the console's).</param>
    /// <param name="error">Standard error (default: the console's).</param>
    /// <param name="httpHandlers">
    /// Makes the HTTP handler of the fleet commands (default: a <see cref="SocketsHttpHandler"/>); tests pass an
    /// in-process server's.
    /// </param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, Func<HttpMessageHandler>? httpHandlers = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("MixFleet: loudness and mastering QC for audio catalogs (EBU R128 / ITU-R BS.1770).")
        {
            AnalyzeCommand.Create(output, error),
            ScanCommand.Create(output, error, httpHandlers),
            JobCommand.Create(output, error, httpHandlers),
            JobsCommand.Create(output, error, httpHandlers),
            StrandedCommand.Redrive(output, error, httpHandlers),
            StrandedCommand.GiveUp(output, error, httpHandlers),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync("Run 'mixfleet --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            // Without the default handler an unhandled exception reaches the catch below instead of becoming exit code 1,
            // the QC gate's "a rule failed".
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"error: internal error, please report it: {ex}");
            return ExitCodes.InternalError;
        }
    }
}
