using MixFleet.Cli.Fleet;

namespace MixFleet.Cli.Tests.Fleet;

public sealed class S3LocationTests
{
    [Theory]
    [InlineData("s3://masters", "masters", "")]
    [InlineData("s3://masters/", "masters", "")]
    [InlineData("s3://masters/label/artist/", "label/artist/")]
    [InlineData("S3://my.bucket-1/a b/c", "a b/c")]
    public void TryParse_S3Url_GivesBucketAndPrefix(string text, string expectedBucketOrPrefix, string? expectedPrefix = null)
    {
        var location = S3Location.TryParse(text);

        Assert.NotNull(location);
        if (expectedPrefix is null)
        {
            Assert.Equal(expectedBucketOrPrefix, location.Prefix);
        }
        else
        {
            Assert.Equal(expectedBucketOrPrefix, location.Bucket);
            Assert.Equal(expectedPrefix, location.Prefix);
        }
    }

    [Theory]
    [InlineData("s3:/x")]
    [InlineData("s3://")]
    [InlineData("s3://ab/x")]
    [InlineData("s3://Upper/x")]
    [InlineData("https://masters/x")]
    [InlineData("masters/x")]
    public void TryParse_NotAnS3Url_IsNull(string text) => Assert.Null(S3Location.TryParse(text));
}
