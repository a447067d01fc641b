using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>Reads for the status API: each one or two indexed queries, whatever the job's size.</summary>
public sealed class JobQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        job_id, kind, state, bucket, prefix, profile, created_at, completed_at, pages_listed, total, analyzed, failed, albums_total, albums_reported, failed_transient
        """;

    /// <summary>The job, or null.</summary>
    public async Task<JobSummary?> GetAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var rows = await Sql.QueryAsync(c, null, $"select {Columns} from jobs where job_id = $1", Map, cancellationToken, jobId).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }
    }

    /// <summary>The keys of the first <paramref name="limit"/> album reports written for the job, in album order.</summary>
    public async Task<IReadOnlyList<string>> GetAlbumReportsAsync(Guid jobId, int limit, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            return await Sql.QueryAsync(c, null, """
                select report_key from job_albums where job_id = $1 and aggregation = 'written' order by album_key limit $2
                """, r => r.GetString(0), cancellationToken, jobId, limit).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Jobs newest first, optionally in one state, starting after <paramref name="after"/> (the last job of the previous
    /// page: its creation time and id).
    /// </summary>
    public async Task<IReadOnlyList<JobSummary>> ListAsync(string? state, (DateTimeOffset CreatedAt, Guid JobId)? after, int limit, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            return await Sql.QueryAsync(c, null, $"""
                select {Columns} from jobs
                 where ($1::text is null or state = $1)
                   and ($2::timestamptz is null or (created_at, job_id) < ($2, $3))
                 order by created_at desc, job_id desc limit $4
                """, Map, cancellationToken, state, after?.CreatedAt, after?.JobId, limit).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Jobs newest first, kept by <paramref name="filter"/>, starting after <paramref name="after"/> (the last job of the
    /// previous page). Keyset paging on <c>jobs_newest</c>, <c>jobs_state_newest</c> or <c>jobs_profile_newest</c>.
    /// </summary>
    public async Task<IReadOnlyList<JobSummary>> ListAsync(JobListFilter filter, (DateTimeOffset CreatedAt, Guid JobId)? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var prefix = string.IsNullOrEmpty(filter.Prefix) ? null : filter.Prefix;
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            return await Sql.QueryAsync(c, null, $"""
                select {Columns} from jobs
                 where ($1::text is null or state = $1)
                   and ($2::text is null or profile = $2)
                   and ($3::text is null or starts_with(prefix, $3))
                   and ($4::timestamptz is null or (created_at, job_id) < ($4, $5))
                 order by created_at desc, job_id desc limit $6
                """, Map, cancellationToken, filter.State, filter.Profile, prefix, after?.CreatedAt, after?.JobId, limit).ConfigureAwait(false);
        }
    }

    private static JobSummary Map(NpgsqlDataReader r) => new()
    {
        JobId = r.GetGuid(0),
        Kind = r.GetString(1),
        State = r.GetString(2),
        Bucket = r.GetString(3),
        Prefix = r.GetString(4),
        Profile = r.GetString(5),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(6),
        CompletedAt = r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
        PagesListed = r.GetInt32(8),
        Total = r.GetInt32(9),
        Analyzed = r.GetInt32(10),
        Failed = r.GetInt32(11),
        AlbumsTotal = r.GetInt32(12),
        AlbumsReported = r.GetInt32(13),
        FailedTransient = r.GetInt32(14),
    };
}
