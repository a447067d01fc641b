using System.ComponentModel.DataAnnotations;

namespace MixFleet.Jobs;

/// <summary>Timing of the control plane (configuration section <c>MixFleet:Jobs</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:Jobs";

    /// <summary>
    /// An album fed by S3 events is sealed (and reported once its tracks have settled) when no new track has joined it
    /// for this long: uploads of one album arrive as separate events.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "MixFleet:Jobs:EventAlbumQuietPeriod must be between 100 ms and 1 day.")]
    public TimeSpan EventAlbumQuietPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A scan listing, an unsent command or an unsent album claim that shows no progress for this long is taken up again
    /// (a process died mid-way). A duplicate is harmless; a shorter time only costs duplicate work.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "MixFleet:Jobs:StalledAfter must be between 100 ms and 1 hour.")]
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the maintenance pass looks for stalled work and quiet event albums.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "MixFleet:Jobs:MaintenanceInterval must be between 50 ms and 10 minutes.")]
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Objects per listing page (ListObjectsV2 <c>MaxKeys</c>; S3 returns at most 1,000).</summary>
    [Range(1, 1000, ErrorMessage = "MixFleet:Jobs:ScanPageSize must be between 1 and 1000.")]
    public int ScanPageSize { get; set; } = 1000;
}
