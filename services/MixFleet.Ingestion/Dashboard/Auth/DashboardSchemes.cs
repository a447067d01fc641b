namespace MixFleet.Ingestion.Dashboard.Auth;

/// <summary>The dashboard's authentication schemes and authorization policy.</summary>
internal static class DashboardSchemes
{
    /// <summary>The policy scheme: the ingestion token when the request carries <c>Authorization: Bearer</c>, else the session cookie.</summary>
    public const string Default = "MixFleet";

    /// <summary>The session cookie of a logged-in browser.</summary>
    public const string Cookie = "MixFleet.Cookie";

    /// <summary><c>Authorization: Bearer &lt;ingestion token&gt;</c>, as the <c>/v1</c> API takes it (scripts, curl).</summary>
    public const string Token = "MixFleet.Token";

    /// <summary>The policy every dashboard page and endpoint except the login requires: an authenticated caller.</summary>
    public const string Policy = "MixFleet.Dashboard";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "mixfleet.session";
}
