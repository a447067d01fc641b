using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace MixFleet.Ingestion;

/// <summary>JSON settings shared by request bodies, manifests and reports: web defaults (camelCase, case-insensitive).</summary>
internal static class IngestionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Reads the request body as <typeparamref name="T"/>, at most <paramref name="maxBytes"/> of it: a malformed or empty
    /// body gives a message for a 400 and an oversized one for a 413 instead of an exception, so the caller learns what
    /// is wrong with what it sent.
    /// </summary>
    public static async Task<BodyRead<T>> ReadBodyAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return new(null, $"The request body is {request.ContentLength} bytes; the limit is {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = maxBytes + 1;   // the bounded stream below reports it, with the same message
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(new BoundedReadStream(request.Body, maxBytes), Options, cancellationToken).ConfigureAwait(false);
            return value is null
                ? new(null, "The request body is JSON null; a JSON object was expected.", StatusCodes.Status400BadRequest)
                : new(value, null, StatusCodes.Status200OK);
        }
        catch (JsonException ex)
        {
            return new(null, $"The request body is not valid JSON for this endpoint: {ex.Message}", StatusCodes.Status400BadRequest);
        }
        catch (Exception ex) when (ex is RequestBodyTooLargeException || (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }))
        {
            return new(null, $"The request body is larger than {maxBytes} bytes, the limit.", StatusCodes.Status413PayloadTooLarge);
        }
    }
}
