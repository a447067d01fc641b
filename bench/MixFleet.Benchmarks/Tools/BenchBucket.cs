using Amazon.S3;
using Amazon.S3.Model;

namespace MixFleet.Benchmarks.Tools;

/// <summary>What a benchmark's bucket holds, listed through the real S3 client.</summary>
internal static class BenchBucket
{
    /// <summary>Every object under <paramref name="prefix"/> with its ETag (without the quotes), every page.</summary>
    public static async Task<Dictionary<string, string>> ETagsAsync(IAmazonS3 s3, string bucket, string prefix)
    {
        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = token });
            foreach (var o in page.S3Objects ?? [])
            {
                objects[o.Key] = o.ETag.Trim('"'); // quoted on the wire, unquoted in reports
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);

        return objects;
    }

    /// <summary>The keys under <paramref name="prefix"/>.</summary>
    public static async Task<IReadOnlyCollection<string>> KeysAsync(IAmazonS3 s3, string bucket, string prefix) =>
        (await ETagsAsync(s3, bucket, prefix)).Keys;
}
