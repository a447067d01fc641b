using MixFleet.Contracts.Keys;
using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>
/// Event-driven work: the objects announced by S3 events join the job of their bucket and UTC day (created on first
/// use), in one transaction per request. A repeated event for the same object version changes nothing; a new version
/// of a key the job already has replaces it (the track is pending again and its album reopens).
/// </summary>
public sealed class EventJobStore(NpgsqlDataSource dataSource)
{
    /// <summary>Adds the objects to the event job; returns the keys that were new work (not duplicates).</summary>
    public async Task<IReadOnlyList<string>> AddAsync(
        Guid jobId, string bucket, string profile, IReadOnlyList<ListedObject> objects, IReadOnlyList<InvalidObject> invalid,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(invalid);
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var t = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (t.ConfigureAwait(false))
            {
                await Sql.ExecuteAsync(c, t, """
                    insert into jobs (job_id, kind, bucket, prefix, profile, state, created_at, updated_at)
                    values ($1, 'events', $2, '', $3, 'running', $4, $4) on conflict (job_id) do nothing
                    """, cancellationToken, jobId, bucket, profile, now).ConfigureAwait(false);

                var distinct = objects.DistinctBy(o => o.Key).OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
                var changed = new List<ListedObject>();
                foreach (var o in distinct)
                {
                    if (await ReplaceChangedVersionAsync(c, t, jobId, o, now, cancellationToken).ConfigureAwait(false))
                    {
                        changed.Add(o);
                    }
                }

                var added = await TrackRows.InsertTracksAsync(c, t, jobId, bucket, distinct, now, cancellationToken).ConfigureAwait(false);
                var newWork = changed.Concat(added).ToList();
                await TrackRows.QueueObjectsAsync(c, t, jobId, bucket, profile, newWork, now, cancellationToken).ConfigureAwait(false);
                var newAlbums = await TrackRows.CountIntoAlbumsAsync(c, t, jobId, bucket, added, now, cancellationToken).ConfigureAwait(false);
                var refused = await TrackRows.InsertInvalidAsync(c, t, jobId, bucket, invalid, now, cancellationToken).ConfigureAwait(false);
                var reopened = await ReopenAlbumsAsync(c, t, jobId, newWork, now, cancellationToken).ConfigureAwait(false);
                if (newWork.Count > 0 || refused > 0)
                {
                    await Sql.ExecuteAsync(c, t, """
                        update jobs set total = total + $2 + $3, failed = failed + $3, albums_total = albums_total + $4,
                               albums_reported = albums_reported - $5, state = 'running', completed_at = null, updated_at = $6
                         where job_id = $1
                        """, cancellationToken, jobId, added.Count, refused, newAlbums, reopened, now).ConfigureAwait(false);
                    await AlbumClaims.CompleteIfDoneAsync(c, t, jobId, now, cancellationToken).ConfigureAwait(false);
                }

                await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                return newWork.Select(o => o.Key).ToList();
            }
        }
    }

    // A new ETag for a key the job has: the track is pending again, and what it counted is taken back.
    private static async Task<bool> ReplaceChangedVersionAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid jobId, ListedObject o, DateTimeOffset now, CancellationToken ct)
    {
        var old = await Sql.QueryAsync(c, t, """
            select state, album_key from job_tracks where job_id = $1 and key = $2 and etag <> $3 for update
            """, r => (State: r.GetString(0), Album: r.GetString(1)), ct, jobId, o.Key, o.ETag ?? "").ConfigureAwait(false);
        if (old.Count == 0)
        {
            return false;
        }

        var (state, album) = old[0];
        await Sql.ExecuteAsync(c, t, """
            update job_tracks set etag = $3, state = 'pending', analyzed_etag = null, analyzer_version = null, error_code = null,
                   settled_at = null, added_at = $4
             where job_id = $1 and key = $2
            """, ct, jobId, o.Key, o.ETag ?? "", now).ConfigureAwait(false);
        if (state != "pending")
        {
            var failed = state == "failed" ? 1 : 0;
            await Sql.ExecuteAsync(c, t, "update job_albums set settled = settled - 1, failed = failed - $3 where job_id = $1 and album_key = $2", ct, jobId, album, failed).ConfigureAwait(false);
            await Sql.ExecuteAsync(c, t, "update jobs set analyzed = analyzed - $2, failed = failed - $3 where job_id = $1", ct, jobId, 1 - failed, failed).ConfigureAwait(false);
        }

        return true;
    }

    // New work reopens its album: no longer sealed (it seals again once quiet), and an aggregation claimed or written
    // before is due again. Returns how many written albums were reopened.
    private static async Task<int> ReopenAlbumsAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid jobId, List<ListedObject> work, DateTimeOffset now, CancellationToken ct)
    {
        if (work.Count == 0)
        {
            return 0;
        }

        var albums = work.Select(o => AlbumKeys.Of(o.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var reopened = await Sql.QueryAsync(c, t, """
            with old as (
                select album_key, aggregation from job_albums where job_id = $1 and album_key = any($2::text[]) for update)
            update job_albums a set sealed = false, last_added_at = $3, aggregation = 'pending', dispatched_at = null
              from old
             where a.job_id = $1 and a.album_key = old.album_key
            returning old.aggregation = 'written'
            """, r => r.GetBoolean(0), ct, jobId, albums, now).ConfigureAwait(false);
        return reopened.Count(w => w);
    }
}
