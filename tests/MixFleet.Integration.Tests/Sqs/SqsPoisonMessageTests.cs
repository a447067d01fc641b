using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Sqs;

/// <summary>
/// A message that is not an S3 notification is never deleted by the SQS source: the queue's redrive policy moves it to
/// the dead-letter queue after <c>maxReceiveCount</c> receives (fauxqs implements RedrivePolicy), and the source goes on.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqsPoisonMessageTests
{
    [Fact]
    public async Task An_unparseable_message_lands_in_the_dead_letter_queue_and_the_good_one_beside_it_is_recorded()
    {
        const string poison = "this is not an S3 notification {";
        await using var queue = await SqsQueue.CreateAsync(maxReceiveCount: 2);
        await using var run = await FleetRun.StartAsync(workers: 0, ingestionSettings: queue.IngestionSettings(visibilityTimeout: TimeSpan.FromSeconds(1)));
        var track = new Uploaded("label/artist/album/01.wav", "0123456789abcdef0123456789abcdef", 4321);

        await queue.SendAsync(poison);
        await queue.SendAsync(S3Events.ObjectCreated(run.SourceBucket, track));

        var deadLetters = await Poll.ForObjectAsync(
            async () => await queue.ReceiveDeadLettersAsync() is { Count: > 0 } received ? received : null,
            "the poison message in the dead-letter queue");
        Assert.Equal(poison, Assert.Single(deadLetters).Body);
        await Poll.UntilAsync(async () => await queue.RemainingAsync() == 0, "the source queue empty");
        Assert.Equal(track.Key, await TestDatabase.ScalarAsync<string>(run.Database, "select key from job_tracks"));
    }
}
