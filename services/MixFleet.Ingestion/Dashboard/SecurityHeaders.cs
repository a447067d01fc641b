using System.Security.Cryptography;

namespace MixFleet.Ingestion.Dashboard;

/// <summary>
/// Headers of every dashboard response: a content security policy allowing nothing from elsewhere (the pages' one
/// inline script carries a per-request nonce), no framing except the album report by its own page, no caching of
/// pages that show a catalog's results.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "mixfleet.csp-nonce";

    /// <summary>This request's script nonce.</summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string ?? "";
    }

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        return next(context);
    }
}
