using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>
/// Settles analysis outcomes into the job store, a batch per transaction: the object version, every pending track of
/// every job waiting for it, their albums' and jobs' counters, and the album aggregations this made ready. Idempotent:
/// a duplicate finds no pending track and changes nothing.
/// </summary>
public sealed class SettlementStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>Settles <paramref name="settlements"/>; returns the tracks settled and the albums claimed.</summary>
    public async Task<SettlementOutcome> SettleAsync(IReadOnlyCollection<TrackSettlement> settlements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlements);
        // One outcome per object version, in key order: every transaction locks rows in the same order.
        var batch = settlements
            .DistinctBy(s => (s.Bucket, s.Key, s.RequestedETag ?? ""))
            .OrderBy(s => s.Bucket, StringComparer.Ordinal).ThenBy(s => s.Key, StringComparer.Ordinal).ThenBy(s => s.RequestedETag ?? "", StringComparer.Ordinal)
            .ToList();
        if (batch.Count == 0)
        {
            return new SettlementOutcome(0, []);
        }

        var now = timeProvider.GetUtcNow();
        object?[] columns =
        [
            batch.Select(s => s.Bucket).ToArray(),
            batch.Select(s => s.Key).ToArray(),
            batch.Select(s => s.RequestedETag ?? "").ToArray(),
            batch.Select(s => s.Failed ? "failed" : "analyzed").ToArray(),
            batch.Select(s => s.AnalyzedETag).ToArray(),
            batch.Select(s => s.AnalyzerVersion).ToArray(),
            batch.Select(s => s.ErrorCode).ToArray(),
            now,
        ];

        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var t = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (t.ConfigureAwait(false))
            {
                // Objects first (the lock a listing of the same object takes), then, in a new statement and so a new
                // snapshot, the tracks: a job that joined this object while we waited is seen and settled too.
                await Sql.ExecuteAsync(c, t, """
                    update objects o
                       set state = 'settled', outcome = u.outcome, analyzed_etag = u.analyzed_etag, analyzer_version = u.version,
                           error_code = u.code, settled_at = $8
                      from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                           as u(bucket, key, etag, outcome, analyzed_etag, version, code)
                     where o.bucket = u.bucket and o.key = u.key and o.etag = u.etag and o.state in ('queued', 'stranded')
                    """, cancellationToken, columns).ConfigureAwait(false);
                // Open tracks: pending, or stranded (their command ended in _error, yet an outcome of the same object
                // version arrived after all, e.g. from a duplicate command): either way the outcome settles them.
                var settled = await Sql.QueryAsync(c, t, """
                    with u as (
                        select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                                   as u(bucket, key, etag, outcome, analyzed_etag, version, code)),
                    open as (
                        select t.job_id, t.key, t.state as prior, u.outcome, u.analyzed_etag, u.version, u.code
                          from job_tracks t join u on t.bucket = u.bucket and t.key = u.key and t.etag = u.etag
                         where t.state in ('pending', 'stranded')
                         for update of t)
                    update job_tracks t
                       set state = o.outcome, analyzed_etag = o.analyzed_etag, analyzer_version = o.version, error_code = o.code, settled_at = $8
                      from open o
                     where t.job_id = o.job_id and t.key = o.key
                    returning t.job_id, t.album_key, t.state = 'failed', o.prior = 'stranded'
                    """, r => (Job: r.GetGuid(0), Album: r.GetString(1), Failed: r.GetBoolean(2), Stranded: r.GetBoolean(3)), cancellationToken, columns).ConfigureAwait(false);
                if (settled.Count == 0)
                {
                    await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return new SettlementOutcome(0, []);
                }

                var albums = settled.GroupBy(s => (s.Job, s.Album))
                    .OrderBy(g => g.Key.Job).ThenBy(g => g.Key.Album, StringComparer.Ordinal).ToList();
                var albumJobs = albums.Select(g => g.Key.Job).ToArray();
                var albumKeys = albums.Select(g => g.Key.Album).ToArray();
                await Sql.ExecuteAsync(c, t, """
                    update job_albums a set settled = a.settled + u.n, failed = a.failed + u.f
                      from unnest($1::uuid[], $2::text[], $3::int[], $4::int[]) as u(job_id, album_key, n, f)
                     where a.job_id = u.job_id and a.album_key = u.album_key
                    """, cancellationToken, albumJobs, albumKeys, albums.Select(g => g.Count()).ToArray(), albums.Select(g => g.Count(s => s.Failed)).ToArray()).ConfigureAwait(false);
                var claims = await AlbumClaims.ClaimAsync(c, t, albumJobs, albumKeys, now, cancellationToken).ConfigureAwait(false);

                var jobs = settled.GroupBy(s => s.Job).OrderBy(g => g.Key).ToList();
                await Sql.ExecuteAsync(c, t, """
                    update jobs j set analyzed = j.analyzed + u.a, failed = j.failed + u.f, failed_transient = j.failed_transient - u.s, updated_at = $5
                      from unnest($1::uuid[], $2::int[], $3::int[], $4::int[]) as u(job_id, a, f, s)
                     where j.job_id = u.job_id
                    """, cancellationToken, jobs.Select(g => g.Key).ToArray(), jobs.Select(g => g.Count(s => !s.Failed)).ToArray(), jobs.Select(g => g.Count(s => s.Failed)).ToArray(),
                    jobs.Select(g => g.Count(s => s.Stranded)).ToArray(), now).ConfigureAwait(false);
                await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new SettlementOutcome(settled.Count, claims);
            }
        }
    }
}
