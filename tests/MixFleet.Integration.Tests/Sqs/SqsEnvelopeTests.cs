using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Sqs;

/// <summary>
/// S3 notifications through SQS end to end on the real parts, all on loopback: fauxqs (SQS), s3rver, RabbitMQ,
/// PostgreSQL, the ingestion service's SQS source and an in-process worker.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqsEnvelopeTests
{
    private const string Album = "label/artist/sqs album+/";

    [Fact]
    public async Task Raw_SNS_wrapped_and_EventBridge_messages_each_become_a_track_report_and_are_deleted()
    {
        await using var queue = await SqsQueue.CreateAsync();
        await using var run = await FleetRun.StartAsync(ingestionSettings: queue.IngestionSettings());
        var raw = await run.UploadAsync(Album + "01 - raw.wav", Wav.Sine(-20, seconds: 2));
        var sns = await run.UploadAsync(Album + "02 - sns.wav", Wav.Sine(-23, seconds: 2));
        var eventBridge = await run.UploadAsync(Album + "03 - event+bridge (1).wav", Wav.Sine(-26, seconds: 2));

        await queue.SendAsync(S3Events.ObjectCreated(run.SourceBucket, raw));
        await queue.SendAsync(S3Events.SnsWrapped(S3Events.ObjectCreated(run.SourceBucket, sns)));
        await queue.SendAsync(S3Events.EventBridgeObjectCreated(run.SourceBucket, eventBridge));

        // Keys with spaces, '+' and parentheses arrive URL-encoded form-style and are decoded to the uploaded keys.
        foreach (var (track, level) in new[] { (raw, -20.0), (sns, -23.0), (eventBridge, -26.0) })
        {
            var report = await run.WaitForTrackReportAsync(track.Key);
            Assert.Equal(track.ETag, report.Source.ETag);
            Assert.Equal(Album, report.AlbumKey);
            // EBU Tech 3341: a stereo 1 kHz sine at X dBFS peak in each channel reads X LUFS.
            Assert.InRange(report.Track.Loudness!.IntegratedLufs!.Value, level - 0.1, level + 0.1);
        }

        await Poll.UntilAsync(async () => await queue.RemainingAsync() == 0, "the three messages deleted from the queue");
        Assert.Equal(3L, await TestDatabase.ScalarAsync<long>(run.Database, "select count(*) from job_tracks"));
    }

    [Fact]
    public async Task Test_events_a_removal_and_a_non_audio_key_are_acknowledged_deleted_and_add_no_work()
    {
        await using var queue = await SqsQueue.CreateAsync();
        await using var run = await FleetRun.StartAsync(workers: 0, ingestionSettings: queue.IngestionSettings());
        var cover = new Uploaded(Album + "cover.jpg", "0123456789abcdef0123456789abcdef", 1234);
        var track = new Uploaded(Album + "01.wav", "fedcba9876543210fedcba9876543210", 4321);

        await queue.SendAsync(S3Events.TestEvent(run.SourceBucket));
        await queue.SendAsync(S3Events.SnsWrapped(S3Events.TestEvent(run.SourceBucket)));
        await queue.SendAsync(S3Events.ObjectCreated(run.SourceBucket, cover));
        await queue.SendAsync(S3Events.EventBridgeObjectCreated(run.SourceBucket, track, detailType: "Object Deleted"));

        await Poll.UntilAsync(async () => await queue.RemainingAsync() == 0, "the four messages deleted from the queue");
        Assert.Equal(0L, await TestDatabase.ScalarAsync<long>(run.Database, "select count(*) from job_tracks"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync<long>(run.Database, "select count(*) from objects"));
    }
}
