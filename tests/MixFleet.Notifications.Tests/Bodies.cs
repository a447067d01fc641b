using System.Text.Json;

namespace MixFleet.Notifications.Tests;

/// <summary>Message bodies as AWS delivers them to SQS: S3's own JSON, SNS-wrapped, EventBridge (trimmed to what matters).</summary>
internal static class Bodies
{
    public static string S3(string encodedKey, string eventName = "ObjectCreated:Put", string eTag = "\\\"0123456789abcdef0123456789abcdef\\\"") => $$$"""
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1","eventTime":"2026-11-20T10:15:30.123Z",
          "eventName":"{{{eventName}}}","s3":{"s3SchemaVersion":"1.0","configurationId":"mixfleet",
          "bucket":{"name":"masters","arn":"arn:aws:s3:::masters"},
          "object":{"key":"{{{encodedKey}}}","size":1048576,"eTag":"{{{eTag}}}","sequencer":"0055AED6DCD90281E5"} } }]}
        """;

    public const string TestEvent = """
        {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-20T10:15:30.000Z","Bucket":"masters","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR"}
        """;

    public static string EventBridge(string encodedKey, string detailType = "Object Created", string reason = "PutObject") => $$$"""
        {"version":"0","id":"17793124-05d4-b198-2fde-7ededc63b103","detail-type":"{{{detailType}}}","source":"aws.s3",
         "account":"111122223333","time":"2026-11-21T23:59:58Z","region":"eu-west-1","resources":["arn:aws:s3:::masters"],
         "detail":{"version":"0","bucket":{"name":"masters"},
           "object":{"key":"{{{encodedKey}}}","size":5,"etag":"b1946ac92492d2347c6235b4d2611184","version-id":"IYV3p45BT0ac8hjHg1houSdS1a.Mro8e","sequencer":"617f08299329d189"},
           "request-id":"N4N7GDK58NMKJ12R","requester":"123456789012","source-ip-address":"1.2.3.4","reason":"{{{reason}}}"}}
        """;

    /// <summary>An SNS notification as SQS receives it from a subscription without raw delivery: the payload is a JSON string.</summary>
    public static string Sns(string message, string type = "Notification") => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["Type"] = type,
        ["MessageId"] = "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
        ["TopicArn"] = "arn:aws:sns:eu-west-1:111122223333:mixfleet-uploads",
        ["Subject"] = "Amazon S3 Notification",
        ["Message"] = message,
        ["Timestamp"] = "2026-11-20T10:15:30.456Z",
        ["SignatureVersion"] = "1",
        ["Signature"] = "EXAMPLE",
        ["SigningCertURL"] = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000.pem",
        ["UnsubscribeURL"] = "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe",
    });
}
