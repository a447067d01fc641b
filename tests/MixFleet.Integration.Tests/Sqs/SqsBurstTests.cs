using System.Globalization;
using MixFleet.Contracts;
using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Sqs;

/// <summary>
/// 1,000 S3 events arrive in SQS at once: every one is handed over to RabbitMQ exactly once (no worker runs, so every
/// <c>AnalyzeTrack</c> stays in its queue to be counted). The rate is measured by bench/sqs-ingestion.sh, not here.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqsBurstTests
{
    private const int Events = 1000;

    [Fact]
    public async Task A_burst_of_1000_events_is_handed_over_to_RabbitMQ_exactly_once()
    {
        await using var queue = await SqsQueue.CreateAsync();
        await using var run = await FleetRun.StartAsync(workers: 0, ingestionSettings: queue.IngestionSettings(pollers: 4));
        var bodies = Enumerable.Range(0, Events)
            .Select(i => S3Events.ObjectCreated(run.SourceBucket, new Uploaded(
                string.Create(CultureInfo.InvariantCulture, $"burst/album {i / 10:000}/{i % 10:00} - track.wav"), i.ToString("x32", CultureInfo.InvariantCulture), 1000 + i)))
            .ToList();

        await queue.SendAllAsync(bodies);

        await Poll.UntilAsync(async () => await queue.RemainingAsync() == 0, "the 1,000 messages deleted from the queue", TimeSpan.FromMinutes(2));
        await Poll.UntilAsync(
            async () => await TestDatabase.ScalarAsync<long>(run.Database, "select count(*) from objects where dispatched_at is null") == 0,
            "the outbox sent");
        // 1,000 distinct object versions confirmed by the broker, and 1,000 commands in the queue: none sent twice, none lost.
        Assert.Equal((long)Events, await TestDatabase.ScalarAsync<long>(run.Database, "select count(distinct (key, etag)) from objects where dispatched_at is not null"));
        Assert.Equal((long)Events, await TestDatabase.ScalarAsync<long>(run.Database, "select count(*) from job_tracks"));
        Assert.Equal((uint)Events, await BrokerQueues.ReadyAsync(run.QueuePrefix + QueueNames.AnalyzeTrack));
    }
}
