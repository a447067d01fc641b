using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MixFleet.Integration.Tests.Support;

/// <summary>The ingestion's job API as a client uses it: <c>POST /v1/scans</c> and <c>GET /v1/jobs/{id}</c>.</summary>
internal static class JobApi
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Posts a scan, expects 202 and returns its job id.</summary>
    public static async Task<Guid> StartScanAsync(HttpClient client, string bucket, string prefix, string? profile = null)
    {
        using var scan = await client.PostAsJsonAsync(new Uri("/v1/scans", UriKind.Relative), new { bucket, prefix, profile });
        Assert.Equal(HttpStatusCode.Accepted, scan.StatusCode);
        return (await scan.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("jobId").GetGuid();
    }

    /// <summary>GET /v1/jobs/{id}: one row of the job store, so any status but 200 is a failure.</summary>
    public static async Task<JsonElement> GetJobAsync(HttpClient client, Guid jobId)
    {
        using var response = await client.GetAsync(new Uri($"/v1/jobs/{jobId:D}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Web);
    }

    /// <summary>Waits until the job is in <paramref name="state"/> and returns its status.</summary>
    public static Task<JsonElement> WaitForStateAsync(HttpClient client, Guid jobId, string state, TimeSpan? timeout = null) =>
        Poll.ForAsync<JsonElement>(
            async () => await GetJobAsync(client, jobId) is var job && job.GetProperty("state").GetString() == state ? job : null,
            $"job {jobId:D} to be {state}", timeout);

    /// <summary>Scans <paramref name="prefix"/> and waits for the job to complete.</summary>
    public static async Task<JsonElement> ScanToCompletionAsync(HttpClient client, string bucket, string prefix, TimeSpan? timeout = null) =>
        await WaitForStateAsync(client, await StartScanAsync(client, bucket, prefix), "completed", timeout);
}
