using System.CommandLine;
using System.Text.Json;
using MixFleet.Cli.Fleet;
using MixFleet.Cli.Output;

namespace MixFleet.Cli.Commands;

/// <summary><c>mixfleet job ID --ingestion URL</c>: the status of a fleet job, as a table or JSON.</summary>
internal static class JobCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<HttpMessageHandler>? handlers)
    {
        var id = new Argument<Guid>("id") { Description = "The job id 'mixfleet scan' printed." };
        var ingestion = FleetOptions.Ingestion();
        var token = FleetOptions.Token();
        var json = new Option<string?>("--json")
        {
            Description = "Write the status as JSON to this file ('-' for standard output, which then carries only the JSON).",
            HelpName = "FILE",
        };

        var command = new Command("job", "Show the progress of a fleet job: tracks analyzed and failed, album reports written.")
        {
            id, ingestion, token, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await FleetOptions.ResolveTokenAsync(parse.GetValue(token), error) is not { } resolved)
            {
                return ExitCodes.UsageError;
            }

            using var http = FleetOptions.CreateHttpClient(parse.GetValue(ingestion)!, handlers);
            FleetJobStatus status;
            try
            {
                status = await new IngestionClient(http, resolved).GetJobAsync(parse.GetValue(id), cancellationToken);
            }
            catch (IngestionException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.IngestionUnavailable;
            }

            var jsonPath = parse.GetValue(json);
            if (jsonPath is not null)
            {
                await ReportOutput.WriteAsync(jsonPath, JsonSerializer.Serialize(status, FleetJsonContext.Indented.FleetJobStatus) + Environment.NewLine, output, cancellationToken);
            }

            if (jsonPath != "-")
            {
                Consoles.For(output).Write(JobTable.Build(status));
            }

            return FleetOptions.ExitCodeOf(status);
        });
        return command;
    }
}
