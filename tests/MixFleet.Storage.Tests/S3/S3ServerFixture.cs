using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using MixFleet.Storage.S3;

namespace MixFleet.Storage.Tests.S3;

/// <summary>
/// The S3-compatible server that <c>scripts/test.sh</c> starts on loopback (s3rver), found through
/// <c>MIXFLEET_S3_ENDPOINT</c>, with a fresh bucket for this run.
/// </summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    public const string EndpointVariable = "MIXFLEET_S3_ENDPOINT";

    public S3ServerFixture()
    {
        var endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrEmpty(endpoint))
        {
            throw new InvalidOperationException(
                $"{EndpointVariable} is not set. The S3 integration tests need a real S3-compatible server: run them with " +
                "`bash scripts/test.sh`, which starts s3rver on 127.0.0.1 and sets it (or start one yourself and export " +
                $"{EndpointVariable}=http://127.0.0.1:PORT; access key and secret S3RVER).");
        }

        Options = new S3StorageOptions
        {
            ServiceUrl = endpoint,
            AccessKey = Environment.GetEnvironmentVariable("MIXFLEET_S3_ACCESS_KEY") ?? "S3RVER",
            SecretKey = Environment.GetEnvironmentVariable("MIXFLEET_S3_SECRET_KEY") ?? "S3RVER",
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        };
        Client = S3ObjectStore.CreateClient(Options);
        Store = new S3ObjectStore(Client, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<S3ObjectStore>.Instance);
    }

    public string Bucket { get; } = "mixfleet-it-" + Guid.NewGuid().ToString("N")[..12];

    public S3StorageOptions Options { get; }

    public IAmazonS3 Client { get; }

    public S3ObjectStore Store { get; }

    public async Task InitializeAsync() => await Client.PutBucketAsync(Bucket);

    public Task DisposeAsync()
    {
        // s3rver's directory is a temp folder that scripts/test.sh deletes with the server.
        Client.Dispose();
        return Task.CompletedTask;
    }
}
