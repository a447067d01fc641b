using System.CommandLine;
using MixFleet.Cli.Fleet;

namespace MixFleet.Cli.Commands;

/// <summary>
/// <c>mixfleet redrive ID</c> and <c>mixfleet give-up ID</c>: what to do with a job's stranded tracks (its
/// <c>failedTransient</c>: their analysis ended in a worker's error queue, e.g. during a long S3 outage). Redrive sends
/// them to the workers again; give-up records them as failed (<c>gave-up</c>) so the job can complete.
/// </summary>
internal static class StrandedCommand
{
    public static Command Redrive(TextWriter output, TextWriter error, Func<HttpMessageHandler>? handlers) =>
        Create("redrive", "Send a job's stranded tracks (failedTransient) to the workers again, once the outage that stranded them is over.",
            StrandedAction.Redrive, output, error, handlers);

    public static Command GiveUp(TextWriter output, TextWriter error, Func<HttpMessageHandler>? handlers) =>
        Create("give-up", "Record a job's stranded tracks (failedTransient) as failed ('gave-up') so the job and its albums complete.",
            StrandedAction.GiveUp, output, error, handlers);

    private static Command Create(string name, string description, StrandedAction action, TextWriter output, TextWriter error, Func<HttpMessageHandler>? handlers)
    {
        var id = new Argument<Guid>("id") { Description = "The job id 'mixfleet scan' or 'mixfleet jobs' printed." };
        var ingestion = FleetOptions.Ingestion();
        var token = FleetOptions.Token();
        var command = new Command(name, description) { id, ingestion, token };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await FleetOptions.ResolveTokenAsync(parse.GetValue(token), error) is not { } resolved)
            {
                return ExitCodes.UsageError;
            }

            using var http = FleetOptions.CreateHttpClient(parse.GetValue(ingestion)!, handlers);
            var jobId = parse.GetValue(id);
            int count;
            try
            {
                count = await new IngestionClient(http, resolved).HandleStrandedAsync(jobId, action, cancellationToken);
            }
            catch (IngestionException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.IngestionUnavailable;
            }

            var tracks = count == 1 ? "1 stranded track" : $"{count} stranded tracks";
            await output.WriteLineAsync(action == StrandedAction.Redrive
                ? $"job {jobId:D}: {tracks} sent to the workers again"
                : $"job {jobId:D}: {tracks} recorded as failed (gave-up)");
            return ExitCodes.Success;
        });
        return command;
    }
}
