using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MixFleet.Cli.Fleet;

/// <summary>
/// The ingestion service's <c>/v1</c> API (docs/ingestion.md) over an injected <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is the service's URL. Every failure becomes an <see cref="IngestionException"/>
/// whose message says what to fix; the token is sent in the header only, never put in a message.
/// </summary>
internal sealed class IngestionClient(HttpClient http, string token)
{
    /// <summary><c>POST /v1/scans</c>: starts a scan of <paramref name="location"/> and returns its job id.</summary>
    public async Task<Guid> StartScanAsync(S3Location location, string? profile, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v1/scans", UriKind.Relative))
        {
            Content = JsonContent.Create(new ScanBody(location.Bucket, location.Prefix, profile), FleetJsonContext.Default.ScanBody),
        };
        var accepted = await SendAsync(request, FleetJsonContext.Default.ScanAcceptedBody, cancellationToken).ConfigureAwait(false);
        return accepted.JobId;
    }

    /// <summary><c>GET /v1/jobs/{id}</c>: the progress of a scan job.</summary>
    public async Task<FleetJobStatus> GetJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"v1/jobs/{jobId:D}", UriKind.Relative));
        return await SendAsync(request, FleetJsonContext.Default.FleetJobStatus, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/jobs?state=&amp;limit=&amp;cursor=</c>: one page of jobs, newest first.</summary>
    public async Task<FleetJobPage> ListJobsAsync(string? state, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var query = $"v1/jobs?limit={limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            + (state is null ? "" : "&state=" + Uri.EscapeDataString(state))
            + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(query, UriKind.Relative));
        return await SendAsync(request, FleetJsonContext.Default.FleetJobPage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /v1/jobs/{id}/redrive</c> or <c>/give-up</c>: returns how many stranded tracks were sent again or given up.
    /// </summary>
    public async Task<int> HandleStrandedAsync(Guid jobId, StrandedAction action, CancellationToken cancellationToken)
    {
        var path = action == StrandedAction.Redrive ? "redrive" : "give-up";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"v1/jobs/{jobId:D}/{path}", UriKind.Relative));
        var outcome = await SendAsync(request, FleetJsonContext.Default.StrandedOutcomeBody, cancellationToken).ConfigureAwait(false);
        return action == StrandedAction.Redrive ? outcome.Redriven : outcome.GaveUp;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> body, CancellationToken cancellationToken)
        where T : class
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new IngestionException($"cannot reach the ingestion service at {Service}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IngestionException($"the ingestion service at {Service} did not answer within {http.Timeout.TotalSeconds:0} s.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new IngestionException(await DescribeErrorAsync(response, cancellationToken).ConfigureAwait(false));
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(body, cancellationToken).ConfigureAwait(false)
                    ?? throw new IngestionException($"the ingestion service at {Service} answered an empty body.");
            }
            catch (JsonException ex)
            {
                throw new IngestionException($"the ingestion service at {Service} answered something other than the expected JSON (is the URL right?).", ex);
            }
        }
    }

    /// <summary>The URL without user information, for messages.</summary>
    private string Service => http.BaseAddress?.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) ?? "(no URL)";

    private async Task<string> DescribeErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return $"the ingestion service rejected the token ({status} Unauthorized): check --token or MIXFLEET_INGESTION_TOKEN against the service's MixFleet:Ingestion:WebhookToken.";
        }

        var detail = await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => $"the ingestion service refused the request ({status} Bad Request): {detail ?? "no detail given"}",
            HttpStatusCode.NotFound => $"the ingestion service answered {status} Not Found: {detail ?? $"is {Service} the ingestion service?"}",
            _ => $"the ingestion service at {Service} answered {status} {response.ReasonPhrase}{(detail is null ? "." : $": {detail}")}",
        };
    }

    /// <summary>The <c>detail</c> of an RFC 9457 problem-details body, or null when there is none.</summary>
    private static async Task<string?> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("detail", out var detail)
                && detail.ValueKind == JsonValueKind.String
                ? detail.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed record ScanBody(string Bucket, string Prefix, string? Profile);

    internal sealed record ScanAcceptedBody(Guid JobId);

    internal sealed record StrandedOutcomeBody(Guid JobId, int Redriven, int GaveUp);
}
