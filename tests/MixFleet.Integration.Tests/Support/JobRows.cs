using MixFleet.Testing;
using Npgsql;

namespace MixFleet.Integration.Tests.Support;

/// <summary>Reads of a run's job store for assertions (what the status API does not show: albums' claims, the outbox).</summary>
internal static class JobRows
{
    /// <summary>One <c>job_albums</c> row.</summary>
    public sealed record AlbumRow(string AlbumKey, int Expected, int Settled, bool Sealed, string Aggregation, int Claims, bool Dispatched);

    /// <summary>The job's listing checkpoint and state.</summary>
    public static async Task<(string State, int PagesListed)> ListingAsync(string database, Guid jobId)
    {
        var rows = await QueryAsync(database, "select state, pages_listed from jobs where job_id = $1", r => (r.GetString(0), r.GetInt32(1)), jobId);
        return Assert.Single(rows);
    }

    /// <summary>The job's albums in key order.</summary>
    public static Task<List<AlbumRow>> AlbumsAsync(string database, Guid jobId) =>
        QueryAsync(database, """
            select album_key, expected, settled, sealed, aggregation, claims, dispatched_at is not null
              from job_albums where job_id = $1 order by album_key
            """, r => new AlbumRow(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetBoolean(3), r.GetString(4), r.GetInt32(5), r.GetBoolean(6)), jobId);

    /// <summary>
    /// True when nothing the job has started is still moving: every listed track settled, no command waiting in the
    /// outbox and no album claimed but not yet written.
    /// </summary>
    public static Task<bool> IsAtRestAsync(string database, Guid jobId) =>
        TestDatabase.ScalarAsync<bool>(database, """
            select j.analyzed + j.failed = j.total
               and not exists (select 1 from objects o where o.job_id = j.job_id and o.state = 'queued')
               and not exists (select 1 from job_albums a where a.job_id = j.job_id and a.aggregation = 'claimed')
              from jobs j where j.job_id = $1
            """, jobId);

    /// <summary>The keys of the object versions marked sent to the broker (<c>dispatched_at</c> set), in key order.</summary>
    public static Task<List<string>> DispatchedAsync(string database) =>
        QueryAsync(database, "select key from objects where dispatched_at is not null order by key", r => r.GetString(0));

    private static async Task<List<T>> QueryAsync<T>(string database, string sql, Func<NpgsqlDataReader, T> map, params object[] values)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
