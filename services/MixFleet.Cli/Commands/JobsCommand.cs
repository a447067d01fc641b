using System.CommandLine;
using System.Text.Json;
using MixFleet.Cli.Fleet;
using MixFleet.Cli.Output;

namespace MixFleet.Cli.Commands;

/// <summary><c>mixfleet jobs --ingestion URL [--state S] [--limit N] [--cursor C]</c>: the fleet's jobs, newest first.</summary>
internal static class JobsCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<HttpMessageHandler>? handlers)
    {
        var ingestion = FleetOptions.Ingestion();
        var token = FleetOptions.Token();
        var state = new Option<string?>("--state") { Description = "Only jobs in this state.", HelpName = "STATE" };
        state.AcceptOnlyFromAmong("listing", "running", "completed");
        var limit = new Option<int>("--limit") { Description = "Jobs per page, 1 to 200.", DefaultValueFactory = _ => 20, HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 200)
            {
                result.AddError("--limit must be between 1 and 200.");
            }
        });
        var cursor = new Option<string?>("--cursor") { Description = "The next page, as the previous page printed it.", HelpName = "CURSOR" };
        var json = new Option<string?>("--json")
        {
            Description = "Write the page as JSON to this file ('-' for standard output, which then carries only the JSON).",
            HelpName = "FILE",
        };

        var command = new Command("jobs", "List the fleet's jobs, newest first: state, tracks done and failed, album reports.")
        {
            ingestion, token, state, limit, cursor, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await FleetOptions.ResolveTokenAsync(parse.GetValue(token), error) is not { } resolved)
            {
                return ExitCodes.UsageError;
            }

            using var http = FleetOptions.CreateHttpClient(parse.GetValue(ingestion)!, handlers);
            FleetJobPage page;
            try
            {
                page = await new IngestionClient(http, resolved).ListJobsAsync(parse.GetValue(state), parse.GetValue(limit), parse.GetValue(cursor), cancellationToken);
            }
            catch (IngestionException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.IngestionUnavailable;
            }

            var jsonPath = parse.GetValue(json);
            if (jsonPath is not null)
            {
                await ReportOutput.WriteAsync(jsonPath, JsonSerializer.Serialize(page, FleetJsonContext.Indented.FleetJobPage) + Environment.NewLine, output, cancellationToken);
            }

            if (jsonPath != "-")
            {
                Consoles.For(output).Write(JobListTable.Build(page));
                if (page.NextCursor is not null)
                {
                    await output.WriteLineAsync($"More jobs: add --cursor {page.NextCursor}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
