using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// A queue of a test's own on the real SQS-compatible server (fauxqs on loopback), optionally with a dead-letter queue
/// and a redrive policy; deleted on dispose. Also the settings that point the ingestion service's SQS source at it.
/// </summary>
internal sealed class SqsQueue : IAsyncDisposable
{
    private readonly IAmazonSQS _sqs;

    private SqsQueue(IAmazonSQS sqs, string url, string? deadLetterUrl)
    {
        _sqs = sqs;
        Url = url;
        DeadLetterUrl = deadLetterUrl;
    }

    public string Url { get; }

    public string? DeadLetterUrl { get; }

    /// <summary>A client for the test's own calls, signed as the service's is (any key is accepted by the emulator).</summary>
    public static IAmazonSQS CreateClient() => new AmazonSQSClient(
        new BasicAWSCredentials("S3RVER", "S3RVER"),
        new AmazonSQSConfig { ServiceURL = RealParts.SqsEndpoint(), AuthenticationRegion = "us-east-1" });

    /// <param name="maxReceiveCount">With a value: a dead-letter queue, and a redrive policy moving a message there after that many receives.</param>
    public static async Task<SqsQueue> CreateAsync(int? maxReceiveCount = null)
    {
        var sqs = CreateClient();
        var name = "mixfleet-e2e-" + Guid.NewGuid().ToString("N")[..12];
        string? deadLetterUrl = null;
        var attributes = new Dictionary<string, string>();
        if (maxReceiveCount is { } count)
        {
            deadLetterUrl = (await sqs.CreateQueueAsync(name + "-dlq")).QueueUrl;
            var arn = (await sqs.GetQueueAttributesAsync(deadLetterUrl, ["QueueArn"])).QueueARN;
            attributes["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{arn}}","maxReceiveCount":"{{count.ToString(CultureInfo.InvariantCulture)}}"}""";
        }

        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl;
        return new SqsQueue(sqs, url, deadLetterUrl);
    }

    /// <summary>The ingestion service's SQS settings for this queue (short waits so a test never waits on a long poll).</summary>
    public Dictionary<string, string> IngestionSettings(TimeSpan? visibilityTimeout = null, int pollers = 2) => new()
    {
        ["MixFleet:Sqs:QueueUrls"] = Url,
        ["MixFleet:Sqs:ServiceUrl"] = RealParts.SqsEndpoint(),
        ["MixFleet:Sqs:WaitTime"] = "00:00:01",
        ["MixFleet:Sqs:VisibilityTimeout"] = (visibilityTimeout ?? TimeSpan.FromSeconds(30)).ToString("c", CultureInfo.InvariantCulture),
        ["MixFleet:Sqs:PollersPerQueue"] = pollers.ToString(CultureInfo.InvariantCulture),
    };

    public Task SendAsync(string body) => _sqs.SendMessageAsync(Url, body);

    /// <summary>Sends the bodies ten to a request (SQS's batch limit), several requests at a time.</summary>
    public async Task SendAllAsync(IReadOnlyList<string> bodies)
    {
        var batches = bodies.Chunk(10).Select(chunk => new SendMessageBatchRequest
        {
            QueueUrl = Url,
            Entries = [.. chunk.Select((body, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), body))],
        });
        foreach (var group in batches.Chunk(8))
        {
            var responses = await Task.WhenAll(group.Select(b => _sqs.SendMessageBatchAsync(b)));
            Assert.All(responses, r => Assert.Empty(r.Failed ?? []));
        }
    }

    /// <summary>Messages still in the queue, visible or in flight (received, not deleted).</summary>
    public async Task<int> RemainingAsync(string? url = null)
    {
        var attributes = await _sqs.GetQueueAttributesAsync(url ?? Url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }

    /// <summary>Receives what the dead-letter queue holds (up to ten).</summary>
    public async Task<List<Message>> ReceiveDeadLettersAsync()
    {
        var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = DeadLetterUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 0 });
        return response.Messages ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _sqs.DeleteQueueAsync(Url);
            if (DeadLetterUrl is not null)
            {
                await _sqs.DeleteQueueAsync(DeadLetterUrl);
            }
        }
        finally
        {
            _sqs.Dispose();
        }
    }
}
