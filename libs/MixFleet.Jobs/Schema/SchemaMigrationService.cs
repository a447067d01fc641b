using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MixFleet.Jobs.Schema;

/// <summary>
/// Migrates the job store at start-up, before the bus and the endpoints start. An unreachable database or a failed
/// script stops the service with a message naming <c>MixFleet:Postgres:ConnectionString</c> and where it points,
/// never the password.
/// </summary>
internal sealed class SchemaMigrationService(NpgsqlDataSource dataSource, IOptions<PostgresOptions> options, ILogger<SchemaMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var where = options.Value.Describe();
        JobsLog.Database(logger, where);
        try
        {
            await SchemaMigrator.MigrateAsync(dataSource, options.Value.Build().ConnectionString, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"The job store's database {where} (MixFleet:Postgres:ConnectionString) cannot be reached or refused the connection: {ex.Message}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
