using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MixFleet.Storage;

/// <summary>
/// The one reports bucket of the fleet (configuration section <c>MixFleet:Reports</c>): track and album reports written
/// by the worker, job manifests written and reports read by the ingestion service.
/// </summary>
public sealed class ReportsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:Reports";

    /// <summary>The reports bucket (keys: <c>reports/…</c>, <c>jobs/…</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "MixFleet:Reports:Bucket is required: the bucket for track and album reports and job manifests.")]
    [RegularExpression("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", ErrorMessage = "MixFleet:Reports:Bucket must be an S3 bucket name (3-63 lowercase letters, digits, '.' or '-').")]
    public string Bucket { get; set; } = "mixfleet-reports";

    /// <summary>Binds <see cref="ReportsOptions"/> from <see cref="SectionName"/>, validated at start; safe to call more than once.</summary>
    public static IServiceCollection Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<ReportsOptions>)))
        {
            return services;
        }

        services.AddOptions<ReportsOptions>().BindConfiguration(SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
