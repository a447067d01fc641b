using System.ComponentModel.DataAnnotations;

namespace MixFleet.Ingestion.Dashboard;

/// <summary>Settings of the web dashboard (section <c>MixFleet:Dashboard</c>; docs/dashboard.md).</summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:Dashboard";

    /// <summary>Rows per page of the job, album and finding lists.</summary>
    [Range(10, 500, ErrorMessage = "MixFleet:Dashboard:PageSize must be between 10 and 500.")]
    public int PageSize { get; set; } = 50;

    /// <summary>How long a login lasts without use (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "MixFleet:Dashboard:SessionLifetime must be between 5 minutes and 7 days.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often a running job's page receives its counters (server-sent events).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00", ErrorMessage = "MixFleet:Dashboard:LiveInterval must be between 200 ms and 1 minute.")]
    public TimeSpan LiveInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Named users with PBKDF2 password hashes (<see cref="Auth.PasswordHash"/>), besides the ingestion token which
    /// always logs in.
    /// </summary>
    public IList<DashboardUser> Users { get; } = [];
}
