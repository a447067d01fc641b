using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MixFleet.Jobs.Schema;

/// <summary>
/// Creates and migrates the job store's schema with DbUp from the versioned SQL scripts embedded in this assembly
/// (<c>Schema/NNNN_*.sql</c>, applied once each, in name order, journaled in <c>schemaversions</c>). Replicas starting
/// together serialize on a PostgreSQL advisory lock, so the scripts never run twice at once.
/// </summary>
public static class SchemaMigrator
{
    // Any constant shared by every replica: "MixF" in ASCII.
    private const long AdvisoryLockKey = 0x4D697846;

    /// <summary>Applies the scripts not applied yet; returns their names.</summary>
    /// <exception cref="InvalidOperationException">A script failed (the message names it).</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using (var command = new NpgsqlCommand("select pg_advisory_lock($1)", connection) { Parameters = { new() { Value = AdvisoryLockKey } } })
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var upgrader = DeployChanges.To
                    .PostgresqlDatabase(connectionString)
                    .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
                    .WithTransactionPerScript()
                    .LogTo(new DbUpLog(logger))
                    .Build();
                var result = upgrader.PerformUpgrade();
                if (!result.Successful)
                {
                    throw new InvalidOperationException(
                        $"The job store's schema migration failed at {result.ErrorScript?.Name ?? "(unknown script)"}: {result.Error?.Message}", result.Error);
                }

                return result.Scripts.Select(s => s.Name).ToList();
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("select pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = AdvisoryLockKey } } };
                await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) => JobsLog.Migration(logger, Format(format, args));

        public void LogWarning(string format, params object[] args) => JobsLog.MigrationWarning(logger, Format(format, args));

        public void LogError(string format, params object[] args) => JobsLog.MigrationWarning(logger, Format(format, args));

        public void LogError(Exception ex, string format, params object[] args) => JobsLog.MigrationWarning(logger, Format(format, args));

        private static string Format(string format, object[] args) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
    }
}
