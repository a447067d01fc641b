using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MixFleet.Ingestion.Auth;

namespace MixFleet.Ingestion.Dashboard.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;MixFleet:Ingestion:WebhookToken&gt;</c> for the dashboard, so a script can
/// read a page with the same token as the API. The <c>/v1</c> API keeps its own filter, unchanged.
/// </summary>
internal sealed class IngestionTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<IngestionOptions> ingestion) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    private const string Bearer = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!IngestionToken.Matches(header[Bearer.Length..].Trim(), ingestion.CurrentValue.WebhookToken))
        {
            return Task.FromResult(AuthenticateResult.Fail("wrong bearer token"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, DashboardCredentials.TokenUser)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
