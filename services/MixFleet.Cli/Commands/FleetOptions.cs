using System.CommandLine;
using MixFleet.Cli.Fleet;

namespace MixFleet.Cli.Commands;

/// <summary>The options every fleet command shares (<c>--ingestion</c>, <c>--token</c>) and the client they make.</summary>
internal static class FleetOptions
{
    /// <summary>The environment variable that carries the token when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "MIXFLEET_INGESTION_TOKEN";

    public static Option<string> Ingestion()
    {
        var option = new Option<string>("--ingestion")
        {
            Description = "URL of the fleet's ingestion service, e.g. https://mixfleet.example.com/.",
            HelpName = "URL",
            Required = true,
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"--ingestion must be an http:// or https:// URL, not '{text}'.");
            }
        });
        return option;
    }

    public static Option<string?> Token() => new("--token")
    {
        Description = $"Bearer token of the ingestion service (default: ${TokenVariable}; prefer the variable, a command line is visible to other users).",
        HelpName = "TOKEN",
    };

    /// <summary>The token from the option or the environment, or null (after a message) when there is none.</summary>
    public static async Task<string?> ResolveTokenAsync(string? option, TextWriter error)
    {
        var token = (option ?? Environment.GetEnvironmentVariable(TokenVariable))?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            await error.WriteLineAsync($"error: no token for the ingestion service: pass --token or set {TokenVariable}.");
            return null;
        }

        return token;
    }

    /// <summary>An HTTP client for <paramref name="url"/> (a trailing '/' added, so a path prefix behind a proxy is kept).</summary>
    public static HttpClient CreateHttpClient(string url, Func<HttpMessageHandler>? handlers) =>
        new(handlers?.Invoke() ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/"),
        };

    /// <summary>0 when every track was analyzed, 3 when some failed (as <c>analyze</c>), 0 while the job runs.</summary>
    public static int ExitCodeOf(FleetJobStatus status) =>
        status.Failed > 0 && status.IsCompleted ? ExitCodes.SomeFilesFailed : ExitCodes.Success;
}
