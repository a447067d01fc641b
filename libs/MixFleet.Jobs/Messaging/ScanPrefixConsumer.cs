using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MixFleet.Contracts.Keys;
using MixFleet.Contracts.V1;
using MixFleet.Jobs.Dispatch;
using MixFleet.Jobs.Store;
using MixFleet.Storage;

namespace MixFleet.Jobs.Messaging;

/// <summary>
/// Consumes <see cref="ScanPrefix"/>: lists the job's next page from its checkpoint, records it in one transaction, wakes
/// the outbox dispatcher, sends the album claims the page made, and sends <see cref="ScanPrefix"/> again while pages
/// remain. The message is acknowledged only after that, so a crash at any point is redelivered and resumes from the
/// checkpoint; a duplicate records nothing (the page counter is checked) or lists the next page.
/// </summary>
public sealed class ScanPrefixConsumer(
    ScanJobStore scans,
    IObjectStore store,
    FleetCommands commands,
    AlbumClaimSender claims,
    OutboxSignal outbox,
    IOptions<JobsOptions> options,
    TimeProvider timeProvider,
    ILogger<ScanPrefixConsumer> logger) : IConsumer<ScanPrefix>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ScanPrefix> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var cursor = await scans.GetCursorAsync(context.Message.JobId, ct).ConfigureAwait(false);
        if (cursor is null || !cursor.Listing)
        {
            return;
        }

        ObjectPage page;
        try
        {
            page = await store.ListPageAsync(cursor.Bucket, cursor.Prefix, cursor.Token, options.Value.ScanPageSize, ct).ConfigureAwait(false);
        }
        catch (BucketNotFoundException)
        {
            // Deleted after the scan was accepted: what was listed stands, the listing ends.
            JobsLog.BucketVanished(logger, cursor.JobId, cursor.Bucket);
            page = new ObjectPage([], null);
        }

        var (audio, invalid) = Classify(cursor, page);
        var outcome = await scans.RecordPageAsync(
            cursor, cursor.PagesListed, audio, invalid, page.Objects.Count > 0 ? page.Objects[^1].Key : null, page.NextToken,
            timeProvider.GetUtcNow(), ct).ConfigureAwait(false);
        if (!outcome.Recorded)
        {
            return;
        }

        JobsLog.PageRecorded(logger, cursor.JobId, cursor.PagesListed, audio.Count, invalid.Count, page.NextToken is null);
        if (outcome.Completed)
        {
            JobsLog.JobCompleted(logger, cursor.JobId);
        }

        outbox.Kick();
        await claims.SendAsync(outcome.Claims, ct).ConfigureAwait(false);
        if (page.NextToken is not null)
        {
            await commands.SendAsync(new ScanPrefix { JobId = cursor.JobId }, ct).ConfigureAwait(false);
        }
    }

    private (List<ListedObject> Audio, List<InvalidObject> Invalid) Classify(ScanCursor cursor, ObjectPage page)
    {
        var audio = new List<ListedObject>();
        var invalid = new List<InvalidObject>();
        foreach (var o in page.Objects)
        {
            if (o.Key.EndsWith('/') || !AudioFileExtensions.IsAudio(o.Key))
            {
                continue;
            }

            if (ObjectKeyRules.Check(o.Key) is { } reason)
            {
                JobsLog.InvalidKey(logger, cursor.Bucket, ObjectKeyRules.Displayable(o.Key), cursor.JobId, reason);
                invalid.Add(new InvalidObject(o.Key, reason));
            }
            else
            {
                audio.Add(new ListedObject(o.Key, o.ETag, o.Size));
            }
        }

        return (audio, invalid);
    }
}
