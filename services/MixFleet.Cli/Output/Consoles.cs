using Spectre.Console;

namespace MixFleet.Cli.Output;

/// <summary>A Spectre console over a writer: live and coloured on a terminal, plain and 200 columns wide when redirected.</summary>
internal static class Consoles
{
    private const int RedirectedWidth = 200;

    public static IAnsiConsole For(TextWriter writer)
    {
        var isTerminal = (writer == Console.Out && !Console.IsOutputRedirected) || (writer == Console.Error && !Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });

        // Redirected to a file or a CI log: no terminal width to respect, so do not wrap file names at 80 columns.
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
