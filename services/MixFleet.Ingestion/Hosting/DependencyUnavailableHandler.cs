using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace MixFleet.Ingestion.Hosting;

/// <summary>
/// A request that fails because the job store or the broker is unavailable answers 503 with a problem-details body
/// and <c>Retry-After</c>, at once, instead of a 500 (or a hang): the client can try again, nothing was accepted.
/// </summary>
internal sealed class DependencyUnavailableHandler(IProblemDetailsService problems, ILogger<DependencyUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var dependency = DependencyOf(exception);
        if (dependency is null)
        {
            return false;
        }

        IngestionLog.DependencyUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, dependency, exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = $"The {dependency} is unavailable; nothing was recorded. Try again shortly.",
            },
        }).ConfigureAwait(false);
    }

    private static string? DependencyOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException or System.Net.Sockets.SocketException:
                    return "job store (PostgreSQL)";
                case MassTransit.RabbitMqConnectionException or MassTransit.RequestTimeoutException:
                    return "message broker (RabbitMQ)";
            }
        }

        return exception is TimeoutException ? "job store (PostgreSQL)" : null;
    }
}
