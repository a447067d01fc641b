using System.CommandLine;
using System.Globalization;
using MixFleet.Cli.Fleet;
using MixFleet.Cli.Output;
using Spectre.Console;

namespace MixFleet.Cli.Commands;

/// <summary>
/// <c>mixfleet scan s3://bucket/prefix --ingestion URL</c>: asks the fleet's ingestion service to analyze every audio
/// object under a prefix, prints the job id, then (unless <c>--no-wait</c>) follows the job to the end.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<HttpMessageHandler>? handlers)
    {
        var target = new Argument<string>("location")
        {
            Description = "What to analyze: s3://bucket/prefix (the whole bucket with s3://bucket).",
        };
        var ingestion = FleetOptions.Ingestion();
        var token = FleetOptions.Token();
        var profile = new Option<string?>("--profile")
        {
            Description = "Built-in QC profile the fleet applies: streaming, apple, ebu-r128, atsc-a85, cd, mix-for-mastering, none (default: the service's).",
            HelpName = "NAME",
        };
        var noWait = new Option<bool>("--no-wait")
        {
            Description = "Print the job id and exit; follow the job later with 'mixfleet job ID'.",
        };
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between two status requests while waiting.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 2,
        };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 3600))
            {
                result.AddError("--interval must be more than 0 and at most 3600 seconds.");
            }
        });

        var command = new Command("scan", "Analyze everything under an S3 prefix on the fleet, through its ingestion service.")
        {
            target, ingestion, token, profile, noWait, interval,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new ScanRequest(parse.GetValue(target)!, parse.GetValue(ingestion)!, parse.GetValue(token), parse.GetValue(profile), parse.GetValue(noWait), TimeSpan.FromSeconds(parse.GetValue(interval))),
            output,
            error,
            handlers,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ScanRequest request, TextWriter output, TextWriter error, Func<HttpMessageHandler>? handlers, CancellationToken cancellationToken)
    {
        if (S3Location.TryParse(request.Target) is not { } location)
        {
            await error.WriteLineAsync($"error: '{request.Target}' is not an S3 location; expected s3://bucket/prefix.");
            return ExitCodes.UsageError;
        }

        if (await FleetOptions.ResolveTokenAsync(request.Token, error) is not { } token)
        {
            return ExitCodes.UsageError;
        }

        using var http = FleetOptions.CreateHttpClient(request.Ingestion, handlers);
        var client = new IngestionClient(http, token);
        try
        {
            var jobId = await client.StartScanAsync(location, request.Profile, cancellationToken);

            // The id alone on standard output, so a script can capture it: id=$(mixfleet scan … --no-wait).
            await output.WriteLineAsync(jobId.ToString("D"));
            if (request.NoWait)
            {
                return ExitCodes.Success;
            }

            await error.WriteLineAsync($"Scanning {location} as job {jobId:D}; Ctrl+C stops waiting, not the job ('mixfleet job {jobId:D}' follows it).");
            var status = await JobProgress.WaitAsync(client, jobId, request.Interval, error, cancellationToken);
            var console = Consoles.For(output);
            console.Write(JobTable.Build(status));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{status.Analyzed} of {status.Total} track(s) analyzed{(status.Failed > 0 ? $", {status.Failed} failed" : string.Empty)}; {status.Albums.Count} album report(s)."));
            return FleetOptions.ExitCodeOf(status);
        }
        catch (IngestionException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.IngestionUnavailable;
        }
    }

    private sealed record ScanRequest(string Target, string Ingestion, string? Token, string? Profile, bool NoWait, TimeSpan Interval);
}
