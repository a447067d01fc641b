using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MixFleet.Contracts.Keys;
using MixFleet.Integration.Tests.Support;
using MixFleet.Integration.Tests.Support.Crashes;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Sqs;

/// <summary>
/// The ingestion service dies after recording an SQS message's events in the job store and before deleting the message:
/// the message comes back after its visibility timeout, a fresh service receives it, finds the object version already
/// part of the job (de-duplication by bucket, key and ETag) and deletes it; the track is analyzed once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqsCrashBeforeDeleteTests
{
    [Fact]
    public async Task A_message_whose_delete_never_happened_comes_back_and_its_track_is_not_analyzed_twice()
    {
        var crash = new CrashPoint();
        await using var queue = await SqsQueue.CreateAsync();
        await using var run = await FleetRun.StartAsync(
            ingestionSettings: queue.IngestionSettings(visibilityTimeout: TimeSpan.FromSeconds(2)),
            ingestionServices: services => services.Replace(ServiceDescriptor.Singleton<IAmazonSQS>(new DeleteCrashClient(crash))));
        var track = await run.UploadAsync("label/artist/album/01 - crash.wav", Wav.Sine(-20, seconds: 2));

        await queue.SendAsync(S3Events.ObjectCreated(run.SourceBucket, track));
        await crash.Reached.WaitAsync(Poll.DefaultTimeout);
        // Recorded before the crash: the worker analyzes it while the message is still in the queue.
        await run.WaitForTrackReportAsync(track.Key);
        await run.CrashIngestionAsync();
        Assert.Equal(1, await queue.RemainingAsync());

        run.RestartIngestion();
        await Poll.UntilAsync(async () => await queue.RemainingAsync() == 0, "the message received again and deleted by the fresh service");
        var jobId = await TestDatabase.ScalarAsync<Guid>(run.Database, "select job_id from jobs");
        await Poll.UntilAsync(() => JobRows.IsAtRestAsync(run.Database, jobId), "the job at rest");

        Assert.Equal(1L, await TestDatabase.ScalarAsync<long>(run.Database, "select total::bigint from jobs"));
        Assert.Equal(FleetRun.ReadsPerAnalysis, run.SourceReads(track.Key));
        Assert.Equal(1, run.ReportWrites(TrackReportKeys.For(run.SourceBucket, track.Key)));
    }

    /// <summary>The fleet's SQS client whose deletes never come back (held until the host stops): a kill before the delete.</summary>
    private sealed class DeleteCrashClient(CrashPoint crash) : AmazonSQSClient(
        new BasicAWSCredentials("S3RVER", "S3RVER"),
        new AmazonSQSConfig { ServiceURL = RealParts.SqsEndpoint(), AuthenticationRegion = "us-east-1" })
    {
        public override async Task<DeleteMessageBatchResponse> DeleteMessageBatchAsync(DeleteMessageBatchRequest request, CancellationToken cancellationToken = default)
        {
            await crash.HoldAsync(cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
