using System.Security.Cryptography;
using System.Text;

namespace MixFleet.Ingestion.Auth;

/// <summary>
/// Compares a presented secret with <c>MixFleet:Ingestion:WebhookToken</c>: both are hashed before a constant-time
/// comparison, so neither the content nor the length of the token leaks through timing.
/// </summary>
internal static class IngestionToken
{
    /// <summary>True when a token is configured and <paramref name="presented"/> is it.</summary>
    public static bool Matches(string presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var wantedHash = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(presentedHash, wantedHash);
    }
}
