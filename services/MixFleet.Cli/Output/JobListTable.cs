using System.Globalization;
using MixFleet.Cli.Fleet;
using Spectre.Console;

namespace MixFleet.Cli.Output;

/// <summary>A page of fleet jobs, newest first: one row each with its state, progress and album reports.</summary>
internal static class JobListTable
{
    public static Table Build(FleetJobPage page)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Job").AddColumn("Kind").AddColumn("Location").AddColumn("State")
            .AddColumn(new TableColumn("Done").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Albums").RightAligned()).AddColumn("Created (UTC)");
        foreach (var job in page.Jobs)
        {
            table.AddRow(
                new Text(job.JobId.ToString("D")),
                new Text(job.Kind ?? ""),
                new Text($"s3://{job.Bucket}/{job.Prefix}"),
                new Markup(job.IsCompleted ? "[green]completed[/]" : Markup.Escape(job.State)),
                new Text(string.Create(CultureInfo.InvariantCulture, $"{job.Done}/{job.Total}")),
                new Markup(job.Failed > 0 ? string.Create(CultureInfo.InvariantCulture, $"[red]{job.Failed}[/]") : "0"),
                new Text(string.Create(CultureInfo.InvariantCulture, $"{job.AlbumsReported}/{job.AlbumsTotal}")),
                new Text(job.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? ""));
        }

        return table;
    }
}
