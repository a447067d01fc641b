using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MixFleet.Ingestion.Dashboard.Auth;

namespace MixFleet.Ingestion.Dashboard.Pages;

/// <summary>
/// <c>/dashboard/login</c>: the ingestion token (no user name) or a configured user's password; on success a session
/// cookie (HttpOnly, SameSite=Lax, Secure under HTTPS). The form carries an antiforgery token like every dashboard form.
/// </summary>
internal sealed class LoginModel(DashboardCredentials credentials, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool LoggedOut { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var identity = string.IsNullOrEmpty(Secret) ? null : credentials.Check(UserName, Secret, DashboardSchemes.Cookie);
        if (identity is null)
        {
            DashboardLog.LoginRejected(logger, string.IsNullOrWhiteSpace(UserName) ? "token" : "user");
            Error = "Those credentials are not valid.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(DashboardSchemes.Cookie, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        DashboardLog.LoggedIn(logger, identity.Name!);
        return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith(DashboardExtensions.Root, StringComparison.Ordinal) ? ReturnUrl : DashboardExtensions.Root);
    }
}
