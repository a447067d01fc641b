using MixFleet.Contracts.V1;
using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>
/// The outbox of <c>AnalyzeTrack</c>: queued object versions not yet confirmed on the broker. A batch is taken with
/// row locks (other dispatchers skip it), sent, then marked dispatched in the same transaction; a crash before the
/// commit leaves the rows to be sent again, and the worker absorbs the duplicate.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>
    /// Takes up to <paramref name="limit"/> unsent commands, hands them to <paramref name="send"/> and marks them sent
    /// when it returns; returns how many. If <paramref name="send"/> throws, nothing is marked.
    /// </summary>
    public async Task<int> DispatchAsync(int limit, Func<IReadOnlyList<AnalyzeTrack>, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            var t = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (t.ConfigureAwait(false))
            {
                var rows = await Sql.QueryAsync(c, t, """
                    select bucket, key, etag, job_id, album_key, profile, size from objects
                     where dispatched_at is null and state = 'queued'
                     order by requested_at limit $1 for update skip locked
                    """, r => new AnalyzeTrack
                    {
                        JobId = r.GetGuid(3),
                        Source = new ObjectRef
                        {
                            Bucket = r.GetString(0),
                            Key = r.GetString(1),
                            ETag = r.GetString(2) is { Length: > 0 } etag ? etag : null,
                            Size = r.IsDBNull(6) ? null : r.GetInt64(6),
                        },
                        AlbumKey = r.GetString(4),
                        Profile = r.GetString(5),
                    }, cancellationToken, limit).ConfigureAwait(false);
                if (rows.Count == 0)
                {
                    return 0;
                }

                await send(rows, cancellationToken).ConfigureAwait(false);
                await Sql.ExecuteAsync(c, t, """
                    update objects o set dispatched_at = $4
                      from unnest($1::text[], $2::text[], $3::text[]) as u(bucket, key, etag)
                     where o.bucket = u.bucket and o.key = u.key and o.etag = u.etag
                    """, cancellationToken,
                    rows.Select(r => r.Source.Bucket).ToArray(), rows.Select(r => r.Source.Key).ToArray(),
                    rows.Select(r => r.Source.ETag ?? "").ToArray(), timeProvider.GetUtcNow()).ConfigureAwait(false);
                await t.CommitAsync(cancellationToken).ConfigureAwait(false);
                return rows.Count;
            }
        }
    }
}
