using MixFleet.Cli.Fleet;
using Spectre.Console;

namespace MixFleet.Cli.Output;

/// <summary>
/// Polls a fleet job until it completes: a live bar (analyzed + failed of total) on a terminal, otherwise one line
/// each time the count moves, so a CI log shows progress without control characters.
/// </summary>
internal static class JobProgress
{
    public static async Task<FleetJobStatus> WaitAsync(IngestionClient client, Guid jobId, TimeSpan interval, TextWriter error, CancellationToken cancellationToken)
    {
        var errors = Consoles.For(error);
        if (errors.Profile.Capabilities.Interactive)
        {
            return await errors.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Job {jobId:D}", maxValue: 1);
                    return await PollAsync(client, jobId, interval, status =>
                    {
                        task.MaxValue = Math.Max(status.Total, 1);
                        task.Value = status.IsCompleted ? task.MaxValue : status.Done;
                        task.Description = Markup.Escape($"Job {jobId:D}: {status.Done}/{status.Total}{status.Problems}");
                    }, cancellationToken);
                });
        }

        var last = (Done: -1, Stranded: 0);
        return await PollAsync(client, jobId, interval, status =>
        {
            if ((status.Done, status.FailedTransient) != last)
            {
                last = (status.Done, status.FailedTransient);
                error.WriteLine($"[{status.Done}/{status.Total}] analyzed {status.Analyzed}, failed {status.Failed}"
                    + (status.FailedTransient > 0 ? $", stranded {status.FailedTransient} (send them again: mixfleet redrive {jobId:D})" : string.Empty));
            }
        }, cancellationToken);
    }

    private static async Task<FleetJobStatus> PollAsync(IngestionClient client, Guid jobId, TimeSpan interval, Action<FleetJobStatus> report, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await client.GetJobAsync(jobId, cancellationToken);
            report(status);
            if (status.IsCompleted)
            {
                return status;
            }

            await Task.Delay(interval, cancellationToken);
        }
    }
}
