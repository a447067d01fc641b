using System.Globalization;
using Amazon.S3;
using MixFleet.Storage.S3;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// The real S3-compatible server and RabbitMQ broker that <c>scripts/test.sh</c> starts on loopback and names in
/// <c>MIXFLEET_S3_ENDPOINT</c> and <c>MIXFLEET_RABBITMQ</c>, as configuration values for the services.
/// </summary>
internal static class RealParts
{
    public const string S3Variable = "MIXFLEET_S3_ENDPOINT";
    public const string BrokerVariable = "MIXFLEET_RABBITMQ";
    public const string SqsVariable = "MIXFLEET_SQS_ENDPOINT";

    public static string S3Endpoint()
    {
        var endpoint = Environment.GetEnvironmentVariable(S3Variable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            Assert.Fail($"{S3Variable} is not set. The end-to-end tests need a real S3-compatible server: run them with "
                + $"`bash scripts/test.sh`, which starts s3rver on 127.0.0.1 and sets it (or export {S3Variable}=http://127.0.0.1:PORT; "
                + "access key and secret S3RVER).");
        }

        return endpoint!;
    }

    /// <summary>The SQS-compatible server (fauxqs) that <c>scripts/test.sh</c> starts on loopback.</summary>
    public static string SqsEndpoint()
    {
        var endpoint = Environment.GetEnvironmentVariable(SqsVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            Assert.Fail($"{SqsVariable} is not set. The SQS tests need a real SQS-compatible server: run them with "
                + $"`bash scripts/test.sh`, which starts fauxqs on 127.0.0.1 and sets it (or export {SqsVariable}=http://127.0.0.1:PORT).");
        }

        return endpoint!;
    }

    public static Uri Broker()
    {
        var value = Environment.GetEnvironmentVariable(BrokerVariable);
        Uri? uri = null;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out uri) || uri.Scheme != "amqp")
        {
            Assert.Fail($"{BrokerVariable} must name the RabbitMQ broker, e.g. amqp://guest:guest@127.0.0.1:5672/ "
                + "(scripts/test.sh starts one on loopback and sets it). Got: "
                + (string.IsNullOrWhiteSpace(value) ? "nothing" : "a value that is not an amqp:// URI"));
        }

        return uri!;
    }

    public static S3StorageOptions S3Options() => new()
    {
        ServiceUrl = S3Endpoint(),
        AccessKey = Environment.GetEnvironmentVariable("MIXFLEET_S3_ACCESS_KEY") ?? "S3RVER",
        SecretKey = Environment.GetEnvironmentVariable("MIXFLEET_S3_SECRET_KEY") ?? "S3RVER",
    };

    /// <summary>The same client the fleet uses against an S3-compatible server (path style, no chunk encoding, no flexible checksums).</summary>
    public static IAmazonS3 CreateS3Client() => S3ObjectStore.CreateClient(S3Options());

    /// <summary>Configuration of the object store (<c>MixFleet:Storage</c>, <c>MixFleet:S3</c>) and the broker (<c>MixFleet:RabbitMq</c>).</summary>
    public static Dictionary<string, string?> Configuration()
    {
        var s3 = S3Options();
        var broker = Broker();
        var credentials = broker.UserInfo.Split(':', 2);
        var virtualHost = broker.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(broker.AbsolutePath[1..]);
        return new Dictionary<string, string?>
        {
            ["MixFleet:Storage:Kind"] = "s3",
            ["MixFleet:S3:ServiceUrl"] = s3.ServiceUrl,
            ["MixFleet:S3:Region"] = "us-east-1",
            ["MixFleet:S3:AccessKey"] = s3.AccessKey,
            ["MixFleet:S3:SecretKey"] = s3.SecretKey,
            ["MixFleet:S3:RetryBaseDelay"] = "00:00:00.050",
            ["MixFleet:RabbitMq:Host"] = broker.Host,
            ["MixFleet:RabbitMq:Port"] = (broker.IsDefaultPort ? 5672 : broker.Port).ToString(CultureInfo.InvariantCulture),
            ["MixFleet:RabbitMq:VirtualHost"] = virtualHost,
            ["MixFleet:RabbitMq:Username"] = Uri.UnescapeDataString(credentials[0]),
            ["MixFleet:RabbitMq:Password"] = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "",
        };
    }
}
