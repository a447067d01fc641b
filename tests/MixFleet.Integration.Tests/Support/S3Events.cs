using System.Text.Json;

namespace MixFleet.Integration.Tests.Support;

/// <summary>S3 event notifications as AWS posts them to the ingestion webhook.</summary>
internal static class S3Events
{
    /// <summary>An <c>ObjectCreated:Put</c> notification for the uploaded objects; keys URL-encoded as AWS does (space as '+').</summary>
    public static string ObjectCreated(string bucket, params Uploaded[] objects)
    {
        var records = objects.Select(o => new
        {
            eventVersion = "2.1",
            eventSource = "aws:s3",
            awsRegion = "us-east-1",
            eventTime = "2026-11-26T10:15:30.123Z",
            eventName = "ObjectCreated:Put",
            s3 = new
            {
                s3SchemaVersion = "1.0",
                configurationId = "mixfleet",
                bucket = new { name = bucket, arn = "arn:aws:s3:::" + bucket },
                @object = new { key = AwsEncode(o.Key), size = o.Size, eTag = o.ETag, sequencer = "0055AED6DCD90281E5" },
            },
        });
        return JsonSerializer.Serialize(new { Records = records });
    }

    /// <summary>The same notification as SNS delivers it to an SQS subscription without raw delivery: a JSON string in <c>Message</c>.</summary>
    public static string SnsWrapped(string notification) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["Type"] = "Notification",
        ["MessageId"] = Guid.NewGuid().ToString(),
        ["TopicArn"] = "arn:aws:sns:us-east-1:111122223333:mixfleet-uploads",
        ["Subject"] = "Amazon S3 Notification",
        ["Message"] = notification,
        ["Timestamp"] = "2026-11-26T10:15:30.456Z",
        ["SignatureVersion"] = "1",
        ["Signature"] = "EXAMPLE",
    });

    /// <summary>An EventBridge <c>Object Created</c> event for one uploaded object, as an EventBridge rule delivers it to SQS.</summary>
    public static string EventBridgeObjectCreated(string bucket, Uploaded o, string detailType = "Object Created") => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = detailType,
        ["source"] = "aws.s3",
        ["account"] = "111122223333",
        ["time"] = "2026-11-26T10:15:31Z",
        ["region"] = "us-east-1",
        ["resources"] = new[] { "arn:aws:s3:::" + bucket },
        ["detail"] = new Dictionary<string, object>
        {
            ["version"] = "0",
            ["bucket"] = new { name = bucket },
            ["object"] = new Dictionary<string, object> { ["key"] = AwsEncode(o.Key), ["size"] = o.Size, ["etag"] = o.ETag, ["sequencer"] = "617f08299329d189" },
            ["reason"] = "PutObject",
        },
    });

    /// <summary>The message S3 sends when a notification is configured.</summary>
    public static string TestEvent(string bucket) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["Service"] = "Amazon S3",
        ["Event"] = "s3:TestEvent",
        ["Time"] = "2026-11-26T10:15:30.000Z",
        ["Bucket"] = bucket,
        ["RequestId"] = "5582815E1AEA5ADF",
    });

    private static string AwsEncode(string key) =>
        string.Join('/', key.Split('/').Select(segment => Uri.EscapeDataString(segment).Replace("%20", "+", StringComparison.Ordinal)));
}
