using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MixFleet.Ingestion.Dashboard.Auth;

namespace MixFleet.Ingestion.Dashboard.Pages;

/// <summary><c>POST /dashboard/logout</c> (antiforgery-checked): ends the session and shows the login page.</summary>
internal sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect(DashboardExtensions.Root);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DashboardSchemes.Cookie).ConfigureAwait(false);
        return Redirect(DashboardExtensions.Root + "/login?loggedOut=true");
    }
}
