using MixFleet.Contracts.Keys;
using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>
/// The statements that add a job's tracks, shared by scans and events: track rows, the object rows that are the
/// outbox of <c>AnalyzeTrack</c> (an object version already in flight for another job is not asked for twice; a settled
/// one is asked for again and the worker reuses its report), and the album counters.
/// </summary>
internal static class TrackRows
{
    /// <summary>Inserts the tracks (skipping keys the job already has); returns the objects inserted.</summary>
    public static async Task<List<ListedObject>> InsertTracksAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid jobId, string bucket, IReadOnlyList<ListedObject> objects, DateTimeOffset now, CancellationToken ct)
    {
        if (objects.Count == 0)
        {
            return [];
        }

        var keys = objects.Select(o => o.Key).ToArray();
        var inserted = await Sql.QueryAsync(c, t, """
            insert into job_tracks (job_id, key, bucket, etag, album_key, state, added_at)
            select $1, u.key, $2, u.etag, u.album_key, 'pending', $6
              from unnest($3::text[], $4::text[], $5::text[]) as u(key, etag, album_key)
            on conflict (job_id, key) do nothing
            returning key
            """, r => r.GetString(0), ct, jobId, bucket, keys, objects.Select(o => o.ETag ?? "").ToArray(), keys.Select(AlbumKeys.Of).ToArray(), now).ConfigureAwait(false);
        var set = inserted.ToHashSet(StringComparer.Ordinal);
        return objects.Where(o => set.Contains(o.Key)).ToList();
    }

    /// <summary>
    /// Queues the object versions: new, settled and stranded ones are (re)queued for dispatch, in-flight ones are joined.
    /// </summary>
    public static Task<int> QueueObjectsAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid jobId, string bucket, string profile, IReadOnlyList<ListedObject> objects, DateTimeOffset now, CancellationToken ct)
    {
        if (objects.Count == 0)
        {
            return Task.FromResult(0);
        }

        // ON CONFLICT DO UPDATE locks the conflicting row even when its WHERE is false, so a settlement of the same
        // object waits for this transaction and then sees this job's track rows (docs/jobs.md, "Races").
        return Sql.ExecuteAsync(c, t, """
            insert into objects (bucket, key, etag, state, job_id, album_key, profile, size, requested_at)
            select $1, u.key, u.etag, 'queued', $2, u.album_key, $3, u.size, $4
              from unnest($5::text[], $6::text[], $7::text[], $8::bigint[]) as u(key, etag, album_key, size)
             order by u.key, u.etag
            on conflict (bucket, key, etag) do update
               set state = 'queued', job_id = excluded.job_id, album_key = excluded.album_key, profile = excluded.profile,
                   size = excluded.size, requested_at = excluded.requested_at, dispatched_at = null, outcome = null,
                   analyzed_etag = null, analyzer_version = null, error_code = null, settled_at = null
             where objects.state in ('settled', 'stranded')
            """, ct, bucket, jobId, profile, now,
            objects.Select(o => o.Key).ToArray(), objects.Select(o => o.ETag ?? "").ToArray(),
            objects.Select(o => AlbumKeys.Of(o.Key)).ToArray(), objects.Select(o => o.Size).ToArray());
    }

    /// <summary>Adds the tracks to their albums' expected counts; returns how many albums are new to the job.</summary>
    public static async Task<int> CountIntoAlbumsAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid jobId, string bucket, IReadOnlyList<ListedObject> objects, DateTimeOffset now, CancellationToken ct)
    {
        if (objects.Count == 0)
        {
            return 0;
        }

        var groups = objects.GroupBy(o => AlbumKeys.Of(o.Key), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var inserted = await Sql.QueryAsync(c, t, """
            insert into job_albums (job_id, album_key, bucket, expected, last_added_at)
            select $1, u.album_key, $2, u.n, $5 from unnest($3::text[], $4::int[]) as u(album_key, n)
            on conflict (job_id, album_key) do update
               set expected = job_albums.expected + excluded.expected, last_added_at = excluded.last_added_at
            returning (xmax = 0)
            """, r => r.GetBoolean(0), ct, jobId, bucket, groups.Select(g => g.Key).ToArray(), groups.Select(g => g.Count()).ToArray(), now).ConfigureAwait(false);
        return inserted.Count(i => i);
    }

    /// <summary>Records refused keys as failed tracks of the job (outside any album); returns how many were new.</summary>
    public static async Task<int> InsertInvalidAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid jobId, string bucket, IReadOnlyList<InvalidObject> invalid, DateTimeOffset now, CancellationToken ct)
    {
        if (invalid.Count == 0)
        {
            return 0;
        }

        var keys = invalid.Select(i => ObjectKeyRules.Displayable(i.Key)).ToArray();
        return await Sql.ExecuteAsync(c, t, """
            insert into job_tracks (job_id, key, bucket, etag, album_key, state, error_code, added_at, settled_at)
            select $1, u.key, $2, '', '', 'failed', $4, $5, $5 from unnest($3::text[]) as u(key)
            on conflict (job_id, key) do nothing
            """, ct, jobId, bucket, keys, ObjectKeyRules.InvalidKeyCode, now).ConfigureAwait(false);
    }
}
