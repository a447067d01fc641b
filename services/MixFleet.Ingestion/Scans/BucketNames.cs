using System.Text.RegularExpressions;

namespace MixFleet.Ingestion.Scans;

/// <summary>S3's bucket naming rules (the common subset every S3-compatible store accepts).</summary>
internal static partial class BucketNames
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
