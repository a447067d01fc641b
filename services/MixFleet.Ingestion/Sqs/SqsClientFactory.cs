using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
using MixFleet.Storage.S3;

namespace MixFleet.Ingestion.Sqs;

/// <summary>The SQS client of the source: the S3 settings' region and credentials (or the SDK's chain), an emulator through <see cref="SqsOptions.ServiceUrl"/>.</summary>
internal static class SqsClientFactory
{
    public static IAmazonSQS Create(SqsOptions sqs, S3StorageOptions s3)
    {
        var region = sqs.Region ?? s3.Region ?? "us-east-1";
        var config = new AmazonSQSConfig();
        if (sqs.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return string.IsNullOrEmpty(s3.AccessKey)
            ? new AmazonSQSClient(config)
            : new AmazonSQSClient(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
    }
}
