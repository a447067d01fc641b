using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using MixFleet.Ingestion.Dashboard.Auth;
using MixFleet.Ingestion.Dashboard.Live;
using MixFleet.Ingestion.Dashboard.Reports;

namespace MixFleet.Ingestion.Dashboard;

/// <summary>
/// The web dashboard (docs/dashboard.md): Razor Pages under <c>/dashboard</c> over the job store's queries, a login
/// (the ingestion token or configured users) with a session cookie, the album reports fetched through the service.
/// The <c>/v1</c> API and its bearer filter are untouched.
/// </summary>
internal static class DashboardExtensions
{
    /// <summary>The dashboard's address.</summary>
    public const string Root = "/dashboard";

    /// <summary>Options, authentication (a policy scheme over the session cookie and the ingestion token), antiforgery and the pages.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.Users.All(u => !string.IsNullOrWhiteSpace(u.Name) && PasswordHash.IsWellFormed(u.PasswordHash)),
                "MixFleet:Dashboard:Users: every user needs a Name and a PasswordHash of the form pbkdf2-sha256$<iterations ≥ 100000>$<salt>$<hash> (docs/dashboard.md).")
            .ValidateOnStart();
        services.AddSingleton<DashboardCredentials>();

        services.AddAuthentication(DashboardSchemes.Default)
            .AddPolicyScheme(DashboardSchemes.Default, "Session cookie or ingestion token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? DashboardSchemes.Token : DashboardSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, IngestionTokenHandler>(DashboardSchemes.Token, displayName: null, _ => { })
            .AddCookie(DashboardSchemes.Cookie, o =>
            {
                o.Cookie.Name = DashboardSchemes.CookieName;
                o.Cookie.HttpOnly = true;
                // Lax: a link into the dashboard from a mail still finds the session; forms carry antiforgery tokens.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = Root;
                o.SlidingExpiration = true;
                o.LoginPath = Root + "/login";
                o.LogoutPath = Root + "/logout";
                o.AccessDeniedPath = Root + "/login";
            });
        services.AddOptions<CookieAuthenticationOptions>(DashboardSchemes.Cookie)
            .Configure<IOptions<DashboardOptions>>((o, dashboard) => o.ExpireTimeSpan = dashboard.Value.SessionLifetime);
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardSchemes.Policy, p => p.AddAuthenticationSchemes(DashboardSchemes.Default).RequireAuthenticatedUser());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mixfleet.antiforgery";
            o.Cookie.Path = Root;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Dashboard/Pages";
            o.Conventions.AuthorizeFolder("/", DashboardSchemes.Policy);
            o.Conventions.AllowAnonymousToPage("/Login");
        });
        return builder;
    }

    /// <summary>Security headers on <c>/dashboard</c>, authentication, the pages, the live job feed and the album reports.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        // Only dashboard requests are authenticated here: /v1 keeps its bearer filter and sees no authentication at all.
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase), b =>
        {
            b.UseMiddleware<SecurityHeaders>();
            b.UseAuthentication();
            b.UseAuthorization();
        });
        app.MapRazorPages();
        app.MapGet("/", () => Results.Redirect(Root)).ExcludeFromDescription();
        app.MapGet(Root + "/dashboard.css", DashboardStyles.Get).AllowAnonymous();
        var pages = app.MapGroup(Root).RequireAuthorization(DashboardSchemes.Policy);
        pages.MapGet("/jobs/{id:guid}/live", LiveJobEndpoint.StreamAsync);
        pages.MapGet("/jobs/{id:guid}/report", AlbumReportEndpoint.GetAsync);
        return app;
    }
}
