using Npgsql;

namespace MixFleet.Benchmarks.Tools;

/// <summary>A job as the fleet's PostgreSQL job store holds it (docs/jobs.md), read directly for the benchmarks' figures.</summary>
internal static class BenchJobStore
{
    public static async Task<JobSnapshot> SnapshotAsync(string database, Guid jobId)
    {
        await using var c = new NpgsqlConnection(database);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select j.state, j.pages_listed, j.total, j.analyzed, j.failed, j.albums_total, j.albums_reported,
                   extract(epoch from (select max(requested_at) from objects o where o.job_id = j.job_id) - j.created_at),
                   extract(epoch from (select max(dispatched_at) from objects o where o.job_id = j.job_id) - j.created_at),
                   (select count(*) from objects o where o.job_id = j.job_id and o.dispatched_at is not null),
                   extract(epoch from j.completed_at - j.created_at),
                   j.failed_transient
              from jobs j where j.job_id = $1
            """, c);
        command.Parameters.AddWithValue(jobId);
        await using var r = await command.ExecuteReaderAsync();
        await r.ReadAsync();
        double? Seconds(int i) => r.IsDBNull(i) ? null : (double)r.GetDecimal(i);
        return new JobSnapshot(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
            Seconds(7), Seconds(8), r.GetInt64(9), Seconds(10), r.GetInt32(11));
    }

    public static async Task<AlbumStats> AlbumStatsAsync(string database, Guid jobId)
    {
        await using var c = new NpgsqlConnection(database);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select count(*), coalesce(sum(reports_written), 0), coalesce(max(reports_written), 0), coalesce(sum(claims), 0), coalesce(max(claims), 0),
                   count(*) filter (where reports_written = 0)
              from job_albums where job_id = $1
            """, c);
        command.Parameters.AddWithValue(jobId);
        await using var r = await command.ExecuteReaderAsync();
        await r.ReadAsync();
        return new AlbumStats(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetInt64(3), r.GetInt32(4), r.GetInt64(5));
    }

    internal sealed record JobSnapshot(string State, int PagesListed, int Total, int Analyzed, int Failed, int AlbumsTotal, int AlbumsReported,
        double? ListedSeconds, double? DispatchedSeconds, long Dispatched, double? CompletedSeconds, int FailedTransient);

    internal sealed record AlbumStats(long Albums, long Writes, int MaxWrites, long Claims, int MaxClaims, long Unwritten);
}
