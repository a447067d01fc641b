using Npgsql;

namespace MixFleet.Testing;

/// <summary>
/// A fresh, empty PostgreSQL database per test fixture on the throw-away cluster that <c>scripts/test.sh</c> starts and
/// names in <c>MIXFLEET_POSTGRES</c>: tests never see each other's jobs.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "MIXFLEET_POSTGRES";

    /// <summary>The cluster's connection string (to its maintenance database).</summary>
    public static string Server()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"{Variable} is not set. These tests need a real PostgreSQL: run them with `bash scripts/test.sh`, which starts a "
                + "throw-away cluster on 127.0.0.1 and sets it (or export an Npgsql connection string to a server where the user may CREATE DATABASE).")
            : value;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string Create()
    {
        var server = new NpgsqlConnectionStringBuilder(Server());
        var name = "mixfleet_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"create database {name}", connection);
            command.ExecuteNonQuery();
        }

        server.Database = name;
        return server.ConnectionString;
    }

    /// <summary>
    /// Drops a database made by <see cref="Create"/>, ending the sessions still connected to it (pooled connections of
    /// hosts already stopped).
    /// </summary>
    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !name.StartsWith("mixfleet_test_", StringComparison.Ordinal))
        {
            throw new ArgumentException("Only databases made by TestDatabase.Create are dropped.", nameof(connectionString));
        }

        await using var connection = new NpgsqlConnection(Server());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop database if exists {name} with (force)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query (for assertions on the job store's rows).</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
