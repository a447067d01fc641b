using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>
/// The one statement that claims album aggregations: an album is claimed when it is sealed, every expected track has
/// settled and it was not claimed yet. The row lock and the <c>aggregation = 'pending'</c> guard make the transition
/// happen once, however many settlements race for it.
/// </summary>
internal static class AlbumClaims
{
    private const string ClaimSql = """
        update job_albums a
           set aggregation = 'claimed', claimed_at = $3, claims = a.claims + 1, dispatched_at = null
          from unnest($1::uuid[], $2::text[]) as u(job_id, album_key), jobs j
         where a.job_id = u.job_id and a.album_key = u.album_key and j.job_id = a.job_id
           and a.aggregation = 'pending' and a.sealed and a.settled >= a.expected
        returning a.job_id, a.bucket, a.album_key, j.profile
        """;

    private const string ClaimJobSql = """
        update job_albums a
           set aggregation = 'claimed', claimed_at = $2, claims = a.claims + 1, dispatched_at = null
          from jobs j
         where a.job_id = $1 and j.job_id = a.job_id
           and a.aggregation = 'pending' and a.sealed and a.settled >= a.expected
        returning a.job_id, a.bucket, a.album_key, j.profile
        """;

    /// <summary>Claims whichever of the named albums are ready.</summary>
    public static Task<List<AlbumClaim>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] jobs, string[] albums, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.QueryAsync(connection, transaction, ClaimSql, Map, cancellationToken, jobs, albums, now);

    /// <summary>Claims every ready album of one job.</summary>
    public static Task<List<AlbumClaim>> ClaimJobAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.QueryAsync(connection, transaction, ClaimJobSql, Map, cancellationToken, jobId, now);

    /// <summary>Marks a job completed when every track settled and every album report was written; true when it did now.</summary>
    public static async Task<bool> CompleteIfDoneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(connection, transaction, """
            update jobs set state = 'completed', completed_at = $2, updated_at = $2
             where job_id = $1 and state = 'running' and analyzed + failed >= total and albums_reported >= albums_total
            """, cancellationToken, jobId, now).ConfigureAwait(false) == 1;

    private static AlbumClaim Map(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3));
}
