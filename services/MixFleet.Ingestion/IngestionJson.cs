using System.Text.Json;

namespace MixFleet.Ingestion;

/// <summary>JSON settings shared by request bodies, manifests and reports: web defaults (camelCase, case-insensitive).</summary>
internal static class IngestionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Reads the request body as <typeparamref name="T"/>; a malformed or empty body gives a message for a 400 instead
    /// of an exception, so the caller learns what is wrong with what it sent.
    /// </summary>
    public static async Task<(T? Value, string? Error)> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken).ConfigureAwait(false);
            return value is null ? (null, "The request body is JSON null; a JSON object was expected.") : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, $"The request body is not valid JSON for this endpoint: {ex.Message}");
        }
    }
}
