namespace MixFleet.Ingestion.Dashboard;

/// <summary>A dashboard user: a name and a password hash (<c>pbkdf2-sha256$iterations$salt$hash</c>, never the password).</summary>
public sealed class DashboardUser
{
    /// <summary>The login name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The password's hash, as <see cref="Auth.PasswordHash.Create"/> writes it.</summary>
    public string PasswordHash { get; set; } = "";
}
