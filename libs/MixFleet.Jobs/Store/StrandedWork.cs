using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>
/// Work whose command ended in the worker's <c>_error</c> queue (a dependency failed for longer than the worker's
/// retries): recorded as stranded (<c>jobs.failed_transient</c>), then sent again (<see cref="RedriveAsync"/>) or given
/// up (<see cref="GiveUpAsync"/>). A job with stranded tracks does not complete on its own. docs/jobs.md, "Transient
/// failures".
/// </summary>
public sealed class StrandedWork(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>The error code of a track given up.</summary>
    public const string GaveUpCode = "gave-up";

    /// <summary>
    /// Strands the object version and the job tracks still waiting for it (a settled track is left alone: its outcome
    /// arrived); returns the tracks stranded.
    /// </summary>
    public async Task<int> StrandAsync(string bucket, string key, string? etag, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var t = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (t.ConfigureAwait(false))
            {
                // Same lock order as settlement: the object row, then its tracks.
                await Sql.ExecuteAsync(c, t, "update objects set state = 'stranded' where bucket = $1 and key = $2 and etag = $3 and state = 'queued'",
                    cancellationToken, bucket, key, etag ?? "").ConfigureAwait(false);
                var jobs = await Sql.QueryAsync(c, t, """
                    update job_tracks set state = 'stranded'
                     where bucket = $1 and key = $2 and etag = $3 and state = 'pending'
                    returning job_id
                    """, r => r.GetGuid(0), cancellationToken, bucket, key, etag ?? "").ConfigureAwait(false);
                foreach (var job in jobs.Order())
                {
                    await Sql.ExecuteAsync(c, t, "update jobs set failed_transient = failed_transient + 1, updated_at = $2 where job_id = $1",
                        cancellationToken, job, now).ConfigureAwait(false);
                }

                await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                return jobs.Count;
            }
        }
    }

    /// <summary>
    /// Sends the job's stranded tracks again: they become pending and their object versions go back to the outbox
    /// (one already queued again by another job is joined). Returns the tracks redriven.
    /// </summary>
    public async Task<int> RedriveAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var t = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (t.ConfigureAwait(false))
            {
                // Lock order as in settlement: the object rows first, then the tracks (re-checked: one settled meanwhile by
                // a late outcome stays settled; its object queued again only costs a reused report).
                var tracks = await Sql.QueryAsync(c, t, """
                    select bucket, key, etag from job_tracks where job_id = $1 and state = 'stranded' order by bucket, key, etag
                    """, r => (Bucket: r.GetString(0), Key: r.GetString(1), ETag: r.GetString(2)), cancellationToken, jobId).ConfigureAwait(false);
                if (tracks.Count == 0)
                {
                    await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return 0;
                }

                object?[] versions = [tracks.Select(x => x.Bucket).ToArray(), tracks.Select(x => x.Key).ToArray(), tracks.Select(x => x.ETag).ToArray()];
                await Sql.ExecuteAsync(c, t, """
                    update objects o
                       set state = 'queued', job_id = $4, requested_at = $5, dispatched_at = null, outcome = null,
                           analyzed_etag = null, analyzer_version = null, error_code = null, settled_at = null
                      from unnest($1::text[], $2::text[], $3::text[]) as u(bucket, key, etag)
                     where o.bucket = u.bucket and o.key = u.key and o.etag = u.etag and o.state in ('stranded', 'settled')
                    """, cancellationToken, [.. versions, jobId, now]).ConfigureAwait(false);
                // Only the tracks whose objects were just queued again (one stranded after the select waits for the next redrive).
                var redriven = await Sql.ExecuteAsync(c, t, """
                    update job_tracks t set state = 'pending'
                      from unnest($2::text[], $3::text[], $4::text[]) as u(bucket, key, etag)
                     where t.job_id = $1 and t.state = 'stranded' and t.bucket = u.bucket and t.key = u.key and t.etag = u.etag
                    """, cancellationToken, [jobId, .. versions]).ConfigureAwait(false);
                await Sql.ExecuteAsync(c, t, "update jobs set failed_transient = failed_transient - $2, updated_at = $3 where job_id = $1",
                    cancellationToken, jobId, redriven, now).ConfigureAwait(false);
                await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                return redriven;
            }
        }
    }

    /// <summary>
    /// Gives the job's stranded tracks up: they become failed tracks with the code <see cref="GaveUpCode"/>, so their
    /// albums can be reported and the job can complete. Returns the tracks given up and the albums this made ready.
    /// </summary>
    public async Task<SettlementOutcome> GiveUpAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var t = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (t.ConfigureAwait(false))
            {
                var given = await Sql.QueryAsync(c, t, """
                    update job_tracks set state = 'failed', error_code = $2, settled_at = $3
                     where job_id = $1 and state = 'stranded'
                    returning album_key
                    """, r => r.GetString(0), cancellationToken, jobId, GaveUpCode, now).ConfigureAwait(false);
                if (given.Count == 0)
                {
                    await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return new SettlementOutcome(0, []);
                }

                var albums = given.GroupBy(a => a, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
                await Sql.ExecuteAsync(c, t, """
                    update job_albums a set settled = a.settled + u.n, failed = a.failed + u.n
                      from unnest($2::text[], $3::int[]) as u(album_key, n)
                     where a.job_id = $1 and a.album_key = u.album_key
                    """, cancellationToken, jobId, albums.Select(g => g.Key).ToArray(), albums.Select(g => g.Count()).ToArray()).ConfigureAwait(false);
                var claims = await AlbumClaims.ClaimAsync(c, t, albums.Select(_ => jobId).ToArray(), albums.Select(g => g.Key).ToArray(), now, cancellationToken).ConfigureAwait(false);
                await Sql.ExecuteAsync(c, t, "update jobs set failed = failed + $2, failed_transient = failed_transient - $2, updated_at = $3 where job_id = $1",
                    cancellationToken, jobId, given.Count, now).ConfigureAwait(false);
                await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new SettlementOutcome(given.Count, claims);
            }
        }
    }
}
