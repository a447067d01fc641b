using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MixFleet.Ingestion.Sqs;
using MixFleet.Ingestion.Tests.Doubles;

namespace MixFleet.Ingestion.Tests.Sqs;

public sealed class SqsOptionsTests
{
    // Nothing listens on port 9 (discard) of the loopback: the pollers of the started source only fail and back off.
    private const string QueueA = "http://127.0.0.1:9/000000000000/a";
    private const string QueueB = "http://127.0.0.1:9/000000000000/b";

    [Fact]
    public void Defaults_AreOffWithTwoPollersTwentySecondWaitsAndAOneMinuteVisibilityTimeout()
    {
        var options = new SqsOptions();

        Assert.Equal("MixFleet:Sqs", SqsOptions.SectionName);
        Assert.Empty(options.QueueUrls);
        Assert.False(options.Enabled);
        Assert.Null(options.ServiceUrl);
        Assert.Null(options.Region);
        Assert.Equal(2, options.PollersPerQueue);
        Assert.Equal(20, options.WaitTimeSeconds);
        Assert.Equal(60, options.VisibilityTimeoutSeconds);
        Assert.Equal(10, options.MaxMessages);
    }

    [Fact]
    public void SplitUrls_AcceptsCommasSemicolonsAndWhiteSpace() =>
        Assert.Equal(["https://q/1", "https://q/2", "https://q/3"], SqsOptions.SplitUrls(" https://q/1, https://q/2;\nhttps://q/3 "));

    [Fact]
    public void NoQueue_LeavesTheSourceOff()
    {
        using var factory = new IngestionFactory();
        factory.CreateClient().Dispose();

        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), s => s is SqsSource);
        Assert.False(factory.Services.GetRequiredService<IOptions<SqsOptions>>().Value.Enabled);
    }

    [Fact]
    public void QueueUrlsAsOneEnvironmentString_StartsTheSourceOnEveryQueue()
    {
        using var factory = new IngestionFactory { Settings = Sqs(("QueueUrls", $"{QueueA},{QueueB}")) };
        factory.CreateClient().Dispose();

        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is SqsSource);
        Assert.Equal([QueueA, QueueB], factory.Services.GetRequiredService<IOptions<SqsOptions>>().Value.QueueUrls);
    }

    [Fact]
    public void QueueUrlsAsAnArray_AreBound()
    {
        using var factory = new IngestionFactory { Settings = Sqs(("QueueUrls:0", QueueA), ("QueueUrls:1", QueueB)) };
        factory.CreateClient().Dispose();

        Assert.Equal([QueueA, QueueB], factory.Services.GetRequiredService<IOptions<SqsOptions>>().Value.QueueUrls);
    }

    [Theory]
    [InlineData("QueueUrls", "sqs-uploads", "MixFleet:Sqs:QueueUrls: 'sqs-uploads' is not a queue URL")]
    [InlineData("QueueUrls", QueueA + "," + QueueA, "MixFleet:Sqs:QueueUrls names a queue twice")]
    [InlineData("ServiceUrl", "localhost:4566", "MixFleet:Sqs:ServiceUrl must be an absolute http(s) URL")]
    [InlineData("WaitTime", "00:00:21", "MixFleet:Sqs:WaitTime must be between 0 and 20 seconds")]
    [InlineData("VisibilityTimeout", "00:00:00", "MixFleet:Sqs:VisibilityTimeout must be between 1 second and 12 hours")]
    [InlineData("PollersPerQueue", "0", "MixFleet:Sqs:PollersPerQueue must be between 1 and 32")]
    [InlineData("MaxMessages", "11", "MixFleet:Sqs:MaxMessages must be between 1 and 10")]
    public void InvalidSetting_FailsStartUpNamingIt(string key, string value, string message)
    {
        var settings = Sqs(("QueueUrls", QueueA));
        settings["MixFleet:Sqs:" + key] = value;
        using var factory = new IngestionFactory { Settings = settings };

        // The service does not start. (What CreateClient throws is not asserted: when a minimal-hosting app fails to
        // start, WebApplicationFactory now and then surfaces an ObjectDisposedException instead: once in about 30 loaded runs.)
        Assert.NotNull(Record.Exception(() => factory.CreateClient()));

        // The reason, from the same registration the service makes, validated as ValidateOnStart validates it.
        var builder = Host.CreateApplicationBuilder();
        foreach (var (k, v) in settings)
        {
            builder.Configuration[k] = v;
        }

        builder.AddIngestionSqs();
        using var host = builder.Build();
        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SqsOptions>>().Value);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Sqs(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string> { ["MixFleet:Sqs:ServiceUrl"] = "http://127.0.0.1:9", ["MixFleet:Sqs:WaitTime"] = "00:00:01" };
        foreach (var (key, value) in settings)
        {
            all["MixFleet:Sqs:" + key] = value;
        }

        return all;
    }
}
