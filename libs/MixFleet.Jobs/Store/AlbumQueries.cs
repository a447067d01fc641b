using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>
/// Reads of a job's albums and QC findings for the dashboard: keyset pages on indexes (the album and finding primary
/// keys, <c>job_albums_failing</c>, <c>job_findings_failing</c>), so a page costs the same on a job of 100,000 tracks.
/// </summary>
public sealed class AlbumQueries(NpgsqlDataSource dataSource)
{
    private const string AlbumColumns = "album_key, bucket, expected, settled, failed, aggregation, qc_status, report_key";
    private const string FindingColumns = "album_key, track_key, rule, status, measured, threshold, reason";

    /// <summary>The album, or null.</summary>
    public async Task<JobAlbum?> GetAsync(Guid jobId, string albumKey, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var rows = await Sql.QueryAsync(c, null, $"select {AlbumColumns} from job_albums where job_id = $1 and album_key = $2", MapAlbum, cancellationToken, jobId, albumKey).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }
    }

    /// <summary>The job's albums in key order after <paramref name="afterAlbumKey"/>, kept by <paramref name="filter"/>.</summary>
    public async Task<IReadOnlyList<JobAlbum>> ListAsync(Guid jobId, DashboardFilter filter, string? afterAlbumKey, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = Range(filter);
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            return await Sql.QueryAsync(c, null, AlbumPageSql(filter.FailingOnly), MapAlbum, cancellationToken, jobId, from, to, afterAlbumKey, limit).ConfigureAwait(false);
        }
    }

    /// <summary>How many of the job's albums have each QC status (<c>pending</c> for those not written yet).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var rows = await Sql.QueryAsync(c, null, """
                select coalesce(qc_status, 'pending'), count(*)::int from job_albums where job_id = $1 group by 1
                """, r => (Status: r.GetString(0), Count: r.GetInt32(1)), cancellationToken, jobId).ConfigureAwait(false);
            return rows.ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The job's warn and fail verdicts (fail only with <see cref="DashboardFilter.FailingOnly"/>) in album, track, rule
    /// order after <paramref name="after"/>.
    /// </summary>
    public async Task<IReadOnlyList<JobFinding>> ListFindingsAsync(Guid jobId, DashboardFilter filter, FindingCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = Range(filter);
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            return await Sql.QueryAsync(c, null, FindingPageSql(filter.FailingOnly), MapFinding, cancellationToken, jobId, from, to, after?.AlbumKey, after?.TrackKey, after?.Rule, limit).ConfigureAwait(false);
        }
    }

    /// <summary>The warn and fail verdicts of one album, album-level rules first, then by track and rule.</summary>
    public async Task<IReadOnlyList<JobFinding>> ListAlbumFindingsAsync(Guid jobId, string albumKey, int limit, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            return await Sql.QueryAsync(c, null, $"""
                select {FindingColumns} from job_findings where job_id = $1 and album_key = $2 order by track_key, rule limit $3
                """, MapFinding, cancellationToken, jobId, albumKey, limit).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A page of albums: $1 job, $2/$3 the prefix range, $4 the cursor, $5 the limit. Two statements, not an "or": the
    /// planner then walks <c>job_albums_failing</c> for "failing only".
    /// </summary>
    internal static string AlbumPageSql(bool failingOnly) => $"""
        select {AlbumColumns} from job_albums
         where job_id = $1{(failingOnly ? " and qc_status = 'fail'" : "")}
           and ($2::text is null or album_key >= $2) and ($3::text is null or album_key < $3)
           and ($4::text is null or album_key > $4)
         order by album_key limit $5
        """;

    /// <summary>A page of findings: $1 job, $2/$3 the prefix range, $4–$6 the cursor, $7 the limit.</summary>
    internal static string FindingPageSql(bool failingOnly) => $"""
        select {FindingColumns} from job_findings
         where job_id = $1{(failingOnly ? " and status = 'fail'" : "")}
           and ($2::text is null or album_key >= $2) and ($3::text is null or album_key < $3)
           and ($4::text is null or (album_key, track_key, rule) > ($4, $5, $6))
         order by album_key, track_key, rule limit $7
        """;

    private static (string? From, string? To) Range(DashboardFilter filter) =>
        string.IsNullOrEmpty(filter.AlbumPrefix) ? (null, null) : (filter.AlbumPrefix, DashboardFilter.UpperBound(filter.AlbumPrefix));

    private static JobAlbum MapAlbum(NpgsqlDataReader r) => new()
    {
        AlbumKey = r.GetString(0),
        Bucket = r.GetString(1),
        Expected = r.GetInt32(2),
        Settled = r.GetInt32(3),
        Failed = r.GetInt32(4),
        Aggregation = r.GetString(5),
        QcStatus = Sql.NullableString(r, 6),
        ReportKey = Sql.NullableString(r, 7),
    };

    private static JobFinding MapFinding(NpgsqlDataReader r) =>
        new(r.GetString(0), new AlbumFinding(r.GetString(1), r.GetString(2), r.GetString(3), Sql.NullableString(r, 4), Sql.NullableString(r, 5), r.GetString(6)));
}
