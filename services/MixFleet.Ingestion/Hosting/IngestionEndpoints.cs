using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MixFleet.Ingestion.Auth;
using MixFleet.Ingestion.Events;
using MixFleet.Ingestion.Jobs;
using MixFleet.Ingestion.Scans;

namespace MixFleet.Ingestion.Hosting;

/// <summary>The HTTP surface: health in every environment, and the bearer-authenticated <c>/v1</c> API.</summary>
internal static class IngestionEndpoints
{
    /// <summary>Tag of the checks <c>/health/ready</c> runs (the object store and PostgreSQL; MassTransit tags its bus check "ready" too).</summary>
    public const string ReadyTag = "ready";

    /// <summary><c>/health/live</c> runs no check (the process answers); <c>/health/ready</c> runs the "ready" checks.</summary>
    public static WebApplication MapIngestionHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // Degraded (MassTransit reports it while the bus reconnects) is not ready either: 503, not the default 200.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }

    /// <summary>The <c>/v1</c> endpoints behind the bearer token; unhandled faults become problem details.</summary>
    public static WebApplication MapIngestionApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        var v1 = app.MapGroup("/v1").AddEndpointFilter<BearerTokenFilter>();
        v1.MapPost("/events/s3", EventEndpoints.PostAsync);
        v1.MapPost("/scans", ScanEndpoints.PostAsync);
        v1.MapGet("/jobs/{id:guid}", JobEndpoints.GetAsync);
        v1.MapGet("/jobs", JobEndpoints.ListAsync);
        v1.MapPost("/jobs/{id:guid}/redrive", StrandedEndpoints.RedriveAsync);
        v1.MapPost("/jobs/{id:guid}/give-up", StrandedEndpoints.GiveUpAsync);
        return app;
    }
}
