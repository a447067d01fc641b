namespace MixFleet.Cli.Tests;

/// <summary>An exception no command handles is a defect of mixfleet: exit code 70, never the QC gate's 1.</summary>
public sealed class InternalErrorTests
{
    [Fact]
    public async Task An_unhandled_exception_exits_70_with_the_exception_on_standard_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        // A handler that fails in a way no command expects (not a network error): a stand-in for any bug.
        var exitCode = await Commands.MixFleetCli.RunAsync(
            ["job", Guid.CreateVersion7().ToString("D"), "--ingestion", "http://ingestion.test/", "--token", "t0ken-for-the-test"],
            output, error, () => new FailingHandler());

        Assert.Equal(70, exitCode);
        Assert.Contains("internal error", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("a defect stand-in", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("t0ken-for-the-test", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a defect stand-in");
    }
}
