using System.Text.RegularExpressions;

namespace MixFleet.Reports.Albums;

/// <summary>
/// International Standard Recording Code (ISO 3901): country (2 letters), registrant (3 letters or digits),
/// year (2 digits), designation (5 digits): <c>CC-XXX-YY-NNNNN</c>, stored with or without the hyphens.
/// </summary>
public static partial class Isrc
{
    /// <summary>The 12-character form (no hyphens, upper case), or null when the code is not well-formed.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var trimmed = code.Trim().ToUpperInvariant();
        var match = Hyphenated().Match(trimmed);
        if (!match.Success)
        {
            match = Compact().Match(trimmed);
        }

        return match.Success ? string.Concat(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value) : null;
    }

    /// <summary>True when the code is a well-formed ISRC.</summary>
    public static bool IsWellFormed(string? code) => Normalize(code) is not null;

    [GeneratedRegex(@"^([A-Z]{2})-([A-Z0-9]{3})-(\d{2})-(\d{5})$", RegexOptions.CultureInvariant)]
    private static partial Regex Hyphenated();

    [GeneratedRegex(@"^([A-Z]{2})([A-Z0-9]{3})(\d{2})(\d{5})$", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();
}
