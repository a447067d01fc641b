using MixFleet.Contracts.V1;
using MixFleet.Jobs.Store;

namespace MixFleet.Jobs.Messaging;

/// <summary>Sends one <c>AggregateAlbum</c> per claim, then records the claims as sent.</summary>
public sealed class AlbumClaimSender(FleetCommands commands, AlbumStore albums)
{
    /// <summary>Sends and records; a crash in between leaves the claims for the maintenance pass to send again.</summary>
    public async Task SendAsync(IReadOnlyCollection<AlbumClaim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
        {
            return;
        }

        await commands.SendAsync(
            claims.Select(c => new AggregateAlbum { JobId = c.JobId, Bucket = c.Bucket, AlbumKey = c.AlbumKey, Profile = c.Profile }).ToList(),
            cancellationToken).ConfigureAwait(false);
        await albums.MarkDispatchedAsync(claims, cancellationToken).ConfigureAwait(false);
    }
}
