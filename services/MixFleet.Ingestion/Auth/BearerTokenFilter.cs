using Microsoft.Extensions.Options;

namespace MixFleet.Ingestion.Auth;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;MixFleet:Ingestion:WebhookToken&gt;</c>. Compared by
/// <see cref="IngestionToken"/> (hashed, constant time). The token is
/// read per request (rotation through configuration reload) and never logged.
/// </summary>
internal sealed class BearerTokenFilter(IOptionsMonitor<IngestionOptions> options, ILogger<BearerTokenFilter> logger) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var reason = Check(request.Headers.Authorization.ToString(), options.CurrentValue.WebhookToken);
        if (reason is null)
        {
            return await next(context).ConfigureAwait(false);
        }

        IngestionLog.Unauthorized(logger, request.Method, request.Path, reason);
        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Unauthorized();
    }

    /// <summary>Null when the header carries the token, else why not (safe to log).</summary>
    private static string? Check(string header, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return "no webhook token is configured";
        }

        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "no bearer token";
        }

        return IngestionToken.Matches(header[Scheme.Length..].Trim(), expected) ? null : "wrong bearer token";
    }
}
