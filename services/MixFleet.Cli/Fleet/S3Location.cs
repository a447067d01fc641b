namespace MixFleet.Cli.Fleet;

/// <summary>A bucket and key prefix parsed from <c>s3://bucket/prefix</c>.</summary>
internal sealed record S3Location(string Bucket, string Prefix)
{
    private const string Scheme = "s3://";

    /// <summary>Parses <c>s3://bucket</c> or <c>s3://bucket/prefix</c>; null when <paramref name="text"/> is not one.</summary>
    public static S3Location? TryParse(string text)
    {
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];

        // S3 bucket names: 3-63 characters of lower-case letters, digits, dots and hyphens.
        return bucket.Length is >= 3 and <= 63 && bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')
            ? new S3Location(bucket, prefix)
            : null;
    }

    public override string ToString() => $"{Scheme}{Bucket}/{Prefix}";
}
