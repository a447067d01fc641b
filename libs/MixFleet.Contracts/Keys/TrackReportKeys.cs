namespace MixFleet.Contracts.Keys;

/// <summary>Where the fleet keeps track reports: one JSON object per source object, in the reports bucket.</summary>
public static class TrackReportKeys
{
    /// <summary>The prefix every track report key starts with.</summary>
    public const string Prefix = "reports/tracks/";

    /// <summary>
    /// The report key of a source object: <c>reports/tracks/&lt;source-bucket&gt;/&lt;source-key&gt;.json</c>. It does not
    /// depend on the ETag, so a new version of the object replaces its report.
    /// </summary>
    public static string For(string sourceBucket, string sourceKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceBucket);
        ArgumentException.ThrowIfNullOrEmpty(sourceKey);
        return $"{Prefix}{sourceBucket}/{sourceKey}.json";
    }
}
