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
        if (status.FailedTransient > 0)
        {
            // Their analysis ended in a worker's error queue (a dependency outage): the job waits for a decision.
            table.AddRow(new Markup("Stranded"), new Markup(
                $"[yellow]{status.FailedTransient}[/] (mixfleet redrive {status.JobId:D} sends them again; mixfleet give-up {status.JobId:D} records them as failed)"));
        }

        table.AddRow("Album reports", status.Albums.Count == 0 ? "—" : string.Join(Environment.NewLine, status.Albums));
        return table;
    }
}
