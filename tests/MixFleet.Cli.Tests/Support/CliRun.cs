using MixFleet.Cli.Commands;

namespace MixFleet.Cli.Tests.Support;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MixFleetCli.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
