using Npgsql;

namespace MixFleet.Jobs.Store;

/// <summary>Finds scan listings that made no progress for a while (their consumer died) and re-arms them for one taker.</summary>
public sealed class StalledWork(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>Scan jobs still listing whose last progress is older than <paramref name="stalledAfter"/>; each is returned to one caller only.</summary>
    public async Task<IReadOnlyList<Guid>> TakeStalledListingsAsync(TimeSpan stalledAfter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var c = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (c.ConfigureAwait(false))
        {
            return await Sql.QueryAsync(c, null, """
                update jobs set updated_at = $2 where state = 'listing' and updated_at < $1 returning job_id
                """, r => r.GetGuid(0), cancellationToken, now - stalledAfter, now).ConfigureAwait(false);
        }
    }
}
