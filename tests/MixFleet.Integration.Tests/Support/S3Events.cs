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

    private static string AwsEncode(string key) =>
        string.Join('/', key.Split('/').Select(segment => Uri.EscapeDataString(segment).Replace("%20", "+", StringComparison.Ordinal)));
}
