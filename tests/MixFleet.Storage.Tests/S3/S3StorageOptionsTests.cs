using System.ComponentModel.DataAnnotations;
using MixFleet.Storage.S3;

namespace MixFleet.Storage.Tests.S3;

public sealed class S3StorageOptionsTests
{
    private static List<string> Errors(S3StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    [Fact]
    public void Defaults_AreValid_AndTargetAws()
    {
        var options = new S3StorageOptions();

        Assert.Empty(Errors(options));
        Assert.Equal("MixFleet:S3", S3StorageOptions.SectionName);
        Assert.Null(options.ServiceUrl);
        Assert.Equal("us-east-1", options.Region);
        Assert.Equal(8 * 1024 * 1024, options.ReadBlockSize);
        Assert.Equal(5, options.MaxRetryAttempts);
        Assert.False(options.EffectiveForcePathStyle);
        Assert.True(options.EffectiveUseChunkEncoding);
    }

    [Fact]
    public void ACustomEndpoint_DefaultsToPathStyle_AndNoChunkEncoding()
    {
        var options = new S3StorageOptions { ServiceUrl = "http://127.0.0.1:9000" };

        Assert.Empty(Errors(options));
        Assert.True(options.EffectiveForcePathStyle);
        Assert.False(options.EffectiveUseChunkEncoding);
    }

    [Fact]
    public void AccessKeyWithoutSecret_IsRejected()
    {
        var errors = Errors(new S3StorageOptions { AccessKey = "AKIA" });

        Assert.Equal(["MixFleet:S3:AccessKey and MixFleet:S3:SecretKey go together: set both, or neither to use the SDK's default credential chain."], errors);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com")]
    public void ABadServiceUrl_IsRejected(string url)
    {
        Assert.Equal(["MixFleet:S3:ServiceUrl must be an absolute http(s) URL, e.g. http://127.0.0.1:9000."], Errors(new S3StorageOptions { ServiceUrl = url }));
    }

    [Fact]
    public void OutOfRangeNumbers_AndAMissingRegion_AreRejected()
    {
        var errors = Errors(new S3StorageOptions { Region = "", ReadBlockSize = 10, MaxRetryAttempts = 99, RetryBaseDelay = TimeSpan.FromMinutes(5) });

        Assert.Equal(
            [
                "MixFleet:S3:Region is required (e.g. us-east-1).",
                "MixFleet:S3:ReadBlockSize must be between 64 KiB and 256 MiB.",
                "MixFleet:S3:MaxRetryAttempts must be between 0 and 20.",
                "MixFleet:S3:RetryBaseDelay must be between 0 and 1 minute.",
            ],
            errors);
    }
}
