using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>Album aggregations: the tracks to aggregate, claims sent, reports written, event albums gone quiet.</summary>
public sealed class AlbumStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>The album's settled tracks in the job, in key order.</summary>
    public async Task<IReadOnlyList<AlbumTrack>> GetTracksAsync(Guid jobId, string albumKey, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            return await Sql.QueryAsync(c, null, """
                select key, analyzed_etag, state = 'failed' from job_tracks
                 where job_id = $1 and album_key = $2 and state <> 'pending' order by key
                """, r => new AlbumTrack(r.GetString(0), Sql.NullableString(r, 1), r.GetBoolean(2)), cancellationToken, jobId, albumKey).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records the album report as written; true when this call moved the album from claimed to written (a repeat, or an
    /// album reopened by a new event meanwhile, changes nothing). Completes the job when nothing else is left. Every
    /// report written (<paramref name="reportKey"/> not empty) counts in <c>reports_written</c>, repeats included.
    /// </summary>
    public Task<bool> MarkWrittenAsync(Guid jobId, string albumKey, string qcStatus, string reportKey, CancellationToken cancellationToken) =>
        MarkWrittenAsync(jobId, albumKey, qcStatus, reportKey, [], cancellationToken);

    /// <summary>
    /// Records the album report as written with its warn and fail verdicts (<paramref name="findings"/>, which replace
    /// those of an earlier write of the same album), as <see cref="MarkWrittenAsync(Guid, string, string, string, CancellationToken)"/> does.
    /// </summary>
    public async Task<bool> MarkWrittenAsync(Guid jobId, string albumKey, string qcStatus, string reportKey, IReadOnlyCollection<AlbumFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var now = timeProvider.GetUtcNow();
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var t = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (t.ConfigureAwait(false))
            {
                var moved = await Sql.ExecuteAsync(c, t, """
                    update job_albums set aggregation = 'written', written_at = $3, qc_status = $4, report_key = $5
                     where job_id = $1 and album_key = $2 and aggregation = 'claimed'
                    """, cancellationToken, jobId, albumKey, now, qcStatus, reportKey).ConfigureAwait(false) == 1;
                if (reportKey.Length > 0)
                {
                    await Sql.ExecuteAsync(c, t, "update job_albums set reports_written = reports_written + 1 where job_id = $1 and album_key = $2", cancellationToken, jobId, albumKey).ConfigureAwait(false);
                    await ReplaceFindingsAsync(c, t, jobId, albumKey, findings, cancellationToken).ConfigureAwait(false);
                }

                if (moved)
                {
                    await Sql.ExecuteAsync(c, t, "update jobs set albums_reported = albums_reported + 1, updated_at = $2 where job_id = $1", cancellationToken, jobId, now).ConfigureAwait(false);
                    await AlbumClaims.CompleteIfDoneAsync(c, t, jobId, now, cancellationToken).ConfigureAwait(false);
                }

                await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                return moved;
            }
        }
    }

    // The report just written is the truth: an earlier write's findings (a reopened event album) go.
    private static async Task ReplaceFindingsAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid jobId, string albumKey, IReadOnlyCollection<AlbumFinding> findings, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(c, t, "delete from job_findings where job_id = $1 and album_key = $2", cancellationToken, jobId, albumKey).ConfigureAwait(false);
        if (findings.Count == 0)
        {
            return;
        }

        // One verdict per (track, rule): a report repeating one keeps the first.
        var unique = findings.DistinctBy(f => (f.TrackKey, f.Rule)).ToList();
        await Sql.ExecuteAsync(c, t, """
            insert into job_findings (job_id, album_key, track_key, rule, status, measured, threshold, reason)
            select $1, $2, u.track_key, u.rule, u.status, u.measured, u.threshold, u.reason
              from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) as u(track_key, rule, status, measured, threshold, reason)
            on conflict do nothing
            """, cancellationToken, jobId, albumKey,
            unique.Select(f => f.TrackKey).ToArray(), unique.Select(f => f.Rule).ToArray(), unique.Select(f => f.Status).ToArray(),
            unique.Select(f => f.Measured).ToArray(), unique.Select(f => f.Threshold).ToArray(), unique.Select(f => f.Reason).ToArray()).ConfigureAwait(false);
    }

    /// <summary>Records that the <c>AggregateAlbum</c> commands of <paramref name="claims"/> are on the broker.</summary>
    public async Task MarkDispatchedAsync(IReadOnlyCollection<AlbumClaim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
        {
            return;
        }

        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            await Sql.ExecuteAsync(c, null, """
                update job_albums a set dispatched_at = $3
                  from unnest($1::uuid[], $2::text[]) as u(job_id, album_key)
                 where a.job_id = u.job_id and a.album_key = u.album_key and a.aggregation = 'claimed' and a.dispatched_at is null
                """, cancellationToken, claims.Select(x => x.JobId).ToArray(), claims.Select(x => x.AlbumKey).ToArray(), timeProvider.GetUtcNow()).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Claims whose command was never confirmed sent (the claimer died in between) for longer than
    /// <paramref name="stalledAfter"/>; re-armed so that another pass waits again before taking them.
    /// </summary>
    public async Task<IReadOnlyList<AlbumClaim>> TakeUnsentClaimsAsync(TimeSpan stalledAfter, int limit, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            return await Sql.QueryAsync(c, null, """
                update job_albums a set claimed_at = $2
                  from jobs j
                 where j.job_id = a.job_id and (a.job_id, a.album_key) in (
                       select job_id, album_key from job_albums
                        where aggregation = 'claimed' and dispatched_at is null and claimed_at < $1
                        order by claimed_at limit $3 for update skip locked)
                returning a.job_id, a.bucket, a.album_key, j.profile
                """, r => new AlbumClaim(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3)), cancellationToken, now - stalledAfter, now, limit).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An <c>AggregateAlbum</c> that ended in <c>_error</c>: the claim is marked unsent again, so the maintenance pass
    /// sends it once more after <c>StalledAfter</c> (a dependency outage delays the album; it never loses it).
    /// </summary>
    public async Task RearmClaimAsync(Guid jobId, string albumKey, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            await Sql.ExecuteAsync(c, null, """
                update job_albums set dispatched_at = null, claimed_at = $3
                 where job_id = $1 and album_key = $2 and aggregation = 'claimed'
                """, cancellationToken, jobId, albumKey, timeProvider.GetUtcNow()).ConfigureAwait(false);
        }
    }

    /// <summary>Seals the albums of event jobs that no new track joined for <paramref name="quietPeriod"/> and claims the ready ones.</summary>
    public async Task<IReadOnlyList<AlbumClaim>> SealQuietEventAlbumsAsync(TimeSpan quietPeriod, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var t = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (t.ConfigureAwait(false))
            {
                var sealedAlbums = await Sql.QueryAsync(c, t, """
                    update job_albums a set sealed = true
                      from jobs j
                     where j.job_id = a.job_id and j.kind = 'events' and not a.sealed and a.last_added_at < $1
                    returning a.job_id, a.album_key
                    """, r => (Job: r.GetGuid(0), Album: r.GetString(1)), cancellationToken, now - quietPeriod).ConfigureAwait(false);
                var claims = sealedAlbums.Count == 0
                    ? []
                    : await AlbumClaims.ClaimAsync(c, t, sealedAlbums.Select(s => s.Job).ToArray(), sealedAlbums.Select(s => s.Album).ToArray(), now, cancellationToken).ConfigureAwait(false);
                await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                return claims;
            }
        }
    }
}
