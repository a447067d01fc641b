using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>
/// Scan jobs: created in <c>listing</c>, one transaction per listing page (tracks, objects, albums, the continuation
/// token), <c>running</c> after the last page. A page is recorded once: the job row's page counter is the check.
/// </summary>
public sealed class ScanJobStore(NpgsqlDataSource dataSource)
{
    /// <summary>Creates a scan job in state <c>listing</c>.</summary>
    public async Task CreateAsync(Guid jobId, string bucket, string prefix, string profile, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            await Sql.ExecuteAsync(c, null, """
                insert into jobs (job_id, kind, bucket, prefix, profile, state, created_at, updated_at)
                values ($1, 'scan', $2, $3, $4, 'listing', $5, $5)
                """, cancellationToken, jobId, bucket, prefix, profile, now).ConfigureAwait(false);
        }
    }

    /// <summary>The listing's checkpoint, or null when there is no such scan job.</summary>
    public async Task<ScanCursor?> GetCursorAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var rows = await Sql.QueryAsync(c, null, """
                select job_id, bucket, prefix, state = 'listing', listing_token, pages_listed, profile from jobs where job_id = $1 and kind = 'scan'
                """, r => new ScanCursor(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), Sql.NullableString(r, 4), r.GetInt32(5), r.GetString(6)),
                cancellationToken, jobId).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }
    }

    /// <summary>
    /// Records listing page number <paramref name="page"/> (0-based) in one transaction: its audio objects as tracks
    /// and queued objects, its refused keys as failed tracks, the next token, albums the listing has moved past as
    /// sealed (all of them after the last page), ready albums claimed, and the job completed when nothing is left.
    /// </summary>
    /// <param name="cursor">The checkpoint the page was listed from.</param>
    /// <param name="page">The page number the cursor named: the page is recorded only if no one recorded it yet.</param>
    /// <param name="objects">The page's audio objects with accepted keys.</param>
    /// <param name="invalid">The page's audio objects with refused keys.</param>
    /// <param name="lastKey">The last key of the page (audio or not), which tells which albums the listing has passed.</param>
    /// <param name="nextToken">The next page's token; null when this page is the last.</param>
    /// <param name="now">The time recorded.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    public async Task<PageOutcome> RecordPageAsync(
        ScanCursor cursor, int page, IReadOnlyList<ListedObject> objects, IReadOnlyList<InvalidObject> invalid,
        string? lastKey, string? nextToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var last = nextToken is null;
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var t = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (t.ConfigureAwait(false))
            {
                var added = await TrackRows.InsertTracksAsync(c, t, cursor.JobId, cursor.Bucket, objects, now, cancellationToken).ConfigureAwait(false);
                await TrackRows.QueueObjectsAsync(c, t, cursor.JobId, cursor.Bucket, cursor.Profile, added, now, cancellationToken).ConfigureAwait(false);
                var newAlbums = await TrackRows.CountIntoAlbumsAsync(c, t, cursor.JobId, cursor.Bucket, added, now, cancellationToken).ConfigureAwait(false);
                var refused = await TrackRows.InsertInvalidAsync(c, t, cursor.JobId, cursor.Bucket, invalid, now, cancellationToken).ConfigureAwait(false);
                await SealPassedAlbumsAsync(c, t, cursor.JobId, last ? null : lastKey, cancellationToken).ConfigureAwait(false);
                var claims = await AlbumClaims.ClaimJobAsync(c, t, cursor.JobId, now, cancellationToken).ConfigureAwait(false);
                var advanced = await Sql.ExecuteAsync(c, t, """
                    update jobs
                       set pages_listed = pages_listed + 1, listing_token = $3, total = total + $4 + $5, failed = failed + $5,
                           albums_total = albums_total + $6, updated_at = $7, state = case when $8 then 'running' else state end
                     where job_id = $1 and pages_listed = $2 and state = 'listing'
                    """, cancellationToken, cursor.JobId, page, nextToken, added.Count, refused, newAlbums, now, last).ConfigureAwait(false);
                if (advanced == 0)
                {
                    // Another consumer recorded this page first: undo everything.
                    await t.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return new PageOutcome(false, [], false);
                }

                var completed = last && await AlbumClaims.CompleteIfDoneAsync(c, t, cursor.JobId, now, cancellationToken).ConfigureAwait(false);
                await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new PageOutcome(true, claims, completed);
            }
        }
    }

    // S3 lists in byte order, and an album's own keys all start with its prefix: once the listing has reached a key
    // past the prefix that does not start with it, no key of that album can follow. Without a last key, seal them all.
    private static Task<int> SealPassedAlbumsAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid jobId, string? lastKey, CancellationToken ct) =>
        lastKey is null
            ? Sql.ExecuteAsync(c, t, "update job_albums set sealed = true where job_id = $1 and not sealed", ct, jobId)
            : Sql.ExecuteAsync(c, t, """
                update job_albums set sealed = true
                 where job_id = $1 and not sealed and album_key < $2::text collate "C" and left($2::text, length(album_key)) <> album_key
                """, ct, jobId, lastKey);
}
