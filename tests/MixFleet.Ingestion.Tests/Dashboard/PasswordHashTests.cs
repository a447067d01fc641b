using MixFleet.Ingestion.Dashboard.Auth;

namespace MixFleet.Ingestion.Tests.Dashboard;

public sealed class PasswordHashTests
{
    // Made by Python's hashlib.pbkdf2_hmac("sha256", "correct horse €".encode(), b"0123456789abcdef", 100000), as
    // docs/dashboard.md tells operators to: the service must accept what that one-liner writes.
    private const string PythonHash = "pbkdf2-sha256$100000$MDEyMzQ1Njc4OWFiY2RlZg==$U2C0LSnw9L1tHGb1TTgGGkkCtVNX1aKRDSTwdQ0oa14=";

    [Fact]
    public void Verify_HashWrittenByPython_AcceptsItsPasswordOnly()
    {
        Assert.True(PasswordHash.Verify("correct horse €", PythonHash));
        Assert.False(PasswordHash.Verify("correct horse", PythonHash));
    }

    [Fact]
    public void Create_ThenVerify_RoundTripsWithAFreshSalt()
    {
        var first = PasswordHash.Create("s3cret!", iterations: 100_000);
        var second = PasswordHash.Create("s3cret!", iterations: 100_000);

        Assert.True(PasswordHash.Verify("s3cret!", first));
        Assert.NotEqual(first, second);
        Assert.StartsWith("pbkdf2-sha256$100000$", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s3cret!")]
    [InlineData("pbkdf2-sha1$100000$MDEyMzQ1Njc4OWFiY2RlZg==$U2C0LSnw9L1tHGb1TTgGGkkCtVNX1aKRDSTwdQ0oa14=")]
    [InlineData("pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$U2C0LSnw9L1tHGb1TTgGGkkCtVNX1aKRDSTwdQ0oa14=")]
    [InlineData("pbkdf2-sha256$100000$not base64$U2C0LSnw9L1tHGb1TTgGGkkCtVNX1aKRDSTwdQ0oa14=")]
    public void Malformed_OrWeakHash_IsRejected(string encoded)
    {
        Assert.False(PasswordHash.IsWellFormed(encoded));
        Assert.False(PasswordHash.Verify("s3cret!", encoded));
    }
}
