using Npgsql;

namespace MixFleet.Benchmarks.Tools;

/// <summary>A database of a benchmark run's own on the PostgreSQL server it was given.</summary>
internal static class BenchDatabase
{
    /// <summary>Creates <paramref name="name"/> on <paramref name="server"/> and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string server, string name)
    {
        await using (var c = new NpgsqlConnection(server))
        {
            await c.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", c);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops <paramref name="name"/> on <paramref name="server"/>, ending the sessions still connected to it.</summary>
    public static async Task DropAsync(string server, string name)
    {
        await using var c = new NpgsqlConnection(server);
        await c.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", c);
        await drop.ExecuteNonQueryAsync();
    }
}
