using MixFleet.Cli.Fleet;
using Spectre.Console;

namespace MixFleet.Cli.Output;

/// <summary>A fleet job's status as a small table: state, counts and the album reports written so far.</summary>
internal static class JobTable
{
    public static Table Build(FleetJobStatus status)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("Field").AddColumn("Value");
        table.AddRow("Job", status.JobId.ToString("D"));
        table.AddRow(new Markup("State"), new Markup(status.IsCompleted ? "[green]completed[/]" : Markup.Escape(status.State)));
        table.AddRow("Tracks", $"{status.Done} of {status.Total} done");
        table.AddRow("Analyzed", $"{status.Analyzed}");
        table.AddRow(new Markup("Failed"), new Markup(status.Failed > 0 ? $"[red]{status.Failed}[/]" : "0"));
        table.AddRow("Album reports", status.Albums.Count == 0 ? "—" : string.Join(Environment.NewLine, status.Albums));
        return table;
    }
}
