using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MixFleet.Fleet.Health;

/// <summary>Liveness: unhealthy while a track in flight has made no progress for the stall timeout (<see cref="AnalysisWatchdog"/>).</summary>
internal sealed class AnalysisProgressHealthCheck(AnalysisWatchdog watchdog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stalled = watchdog.FindStalled();
        if (stalled.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        var (name, idle) = stalled.MaxBy(s => s.Idle);
        return Task.FromResult(new HealthCheckResult(
            context.Registration.FailureStatus,
            string.Create(CultureInfo.InvariantCulture, $"{stalled.Count} track(s) in flight made no progress for the stall timeout; the longest, {name}, for {idle.TotalSeconds:0} s.")));
    }
}
