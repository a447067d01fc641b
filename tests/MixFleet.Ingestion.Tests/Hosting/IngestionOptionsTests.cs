using MixFleet.Ingestion.Tests.Doubles;

namespace MixFleet.Ingestion.Tests.Hosting;

public sealed class IngestionOptionsTests
{
    [Fact]
    public void Defaults_AreStreamingAndOneHour()
    {
        var options = new IngestionOptions();

        Assert.Equal("MixFleet:Ingestion", IngestionOptions.SectionName);
        Assert.Null(options.WebhookToken);
        Assert.Equal("streaming", options.DefaultProfile);
    }

    [Fact]
    public void MissingWebhookToken_FailsStartUpNamingTheSetting()
    {
        using var factory = new IngestionFactory { WithToken = false };

        var ex = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(ex);
        Assert.Contains("MixFleet:Ingestion:WebhookToken is required", ex.ToString(), StringComparison.Ordinal);
    }
}
