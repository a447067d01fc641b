using System.Security.Claims;
using Microsoft.Extensions.Options;
using MixFleet.Ingestion.Auth;

namespace MixFleet.Ingestion.Dashboard.Auth;

/// <summary>
/// Checks a login: the ingestion token (no user name: the same authorization as the <c>/v1</c> API), or a configured
/// user's password. Every attempt costs one PBKDF2 derivation, known user or not, so timing does not tell which names exist.
/// </summary>
internal sealed class DashboardCredentials(IOptionsMonitor<IngestionOptions> ingestion, IOptionsMonitor<DashboardOptions> dashboard)
{
    /// <summary>The name shown for a login with the ingestion token.</summary>
    public const string TokenUser = "token";

    // A valid hash of a random password: verified against when the user is unknown, to spend the same time.
    private static readonly string _decoy = PasswordHash.Create(Guid.NewGuid().ToString("N"));

    /// <summary>The identity to sign in, or null when the credentials are wrong.</summary>
    public ClaimsIdentity? Check(string? user, string secret, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(secret);
        string? name;
        if (string.IsNullOrWhiteSpace(user))
        {
            name = IngestionToken.Matches(secret, ingestion.CurrentValue.WebhookToken) ? TokenUser : null;
        }
        else
        {
            var match = dashboard.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, user.Trim(), StringComparison.Ordinal));
            var verified = PasswordHash.Verify(secret, match?.PasswordHash ?? _decoy);
            name = match is not null && verified ? match.Name : null;
        }

        return name is null ? null : new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], authenticationType);
    }
}
