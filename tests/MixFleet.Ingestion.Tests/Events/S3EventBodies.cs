namespace MixFleet.Ingestion.Tests.Events;

/// <summary>Notification bodies as AWS S3 and MinIO send them (trimmed to the fields that matter).</summary>
internal static class S3EventBodies
{
    public static string Aws(string eventName, string encodedKey, string eTag = "d41d8cd98f00b204e9800998ecf8427e", string bucket = "masters") => $$"""
        {
          "Records": [
            {
              "eventVersion": "2.1",
              "eventSource": "aws:s3",
              "awsRegion": "eu-west-1",
              "eventTime": "2026-11-20T10:15:30.123Z",
              "eventName": "{{eventName}}",
              "userIdentity": { "principalId": "AWS:AIDAEXAMPLE" },
              "s3": {
                "s3SchemaVersion": "1.0",
                "configurationId": "mixfleet",
                "bucket": { "name": "{{bucket}}", "ownerIdentity": { "principalId": "A3EXAMPLE" }, "arn": "arn:aws:s3:::{{bucket}}" },
                "object": { "key": "{{encodedKey}}", "size": 1048576, "eTag": "{{eTag}}", "versionId": "v1", "sequencer": "0055AED6DCD90281E5" }
              }
            }
          ]
        }
        """;

    public static string MinIo(string encodedKey, string bucket = "masters") => $$"""
        {
          "EventName": "s3:ObjectCreated:Put",
          "Key": "{{bucket}}/{{encodedKey}}",
          "Records": [
            {
              "eventVersion": "2.0",
              "eventSource": "minio:s3",
              "awsRegion": "",
              "eventTime": "2026-11-20T10:15:30.123Z",
              "eventName": "s3:ObjectCreated:Put",
              "userIdentity": { "principalId": "minioadmin" },
              "s3": {
                "s3SchemaVersion": "1.0",
                "configurationId": "Config",
                "bucket": { "name": "{{bucket}}", "ownerIdentity": { "principalId": "minioadmin" }, "arn": "arn:aws:s3:::{{bucket}}" },
                "object": { "key": "{{encodedKey}}", "size": 2048, "eTag": "\"9b2cf535f27731c974343645a3985328\"", "contentType": "audio/flac", "userMetadata": { "content-type": "audio/flac" }, "sequencer": "17A2B3C4D5E6F708" }
              },
              "source": { "host": "127.0.0.1", "port": "", "userAgent": "MinIO (linux; amd64) minio-go/v7.0.0" }
            }
          ]
        }
        """;

    public const string TestEvent = """
        {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-20T10:15:30.000Z","Bucket":"masters","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}
        """;
}
