using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MixFleet.Storage;

/// <summary>
/// Readiness of a service that reads and writes the object store (ingestion, worker): ready when the store answers a
/// HEAD in the reports bucket (a missing probe object is an answer too).
/// </summary>
public sealed class ObjectStoreHealthCheck(IObjectStore store, IOptions<ReportsOptions> reports) : IHealthCheck
{
    /// <summary>The key HEAD asks for; it need not exist.</summary>
    public const string ProbeKey = "health/probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.HeadAsync(reports.Value.Bucket, ProbeKey, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // A health check reports any fault of the dependency instead of throwing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The object store did not answer.", ex);
        }
    }
}
