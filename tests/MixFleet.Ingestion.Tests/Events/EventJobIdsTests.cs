using MixFleet.Ingestion.Events;

namespace MixFleet.Ingestion.Tests.Events;

public sealed class EventJobIdsTests
{
    [Fact]
    public void JobId_IsStablePerBucketAndDay()
    {
        var day = new DateOnly(2026, 11, 20);

        Assert.Equal(EventJobIds.For("masters", day), EventJobIds.For("masters", day));
        Assert.NotEqual(EventJobIds.For("masters", day), EventJobIds.For("masters", day.AddDays(1)));
        Assert.NotEqual(EventJobIds.For("masters", day), EventJobIds.For("stems", day));
        Assert.Equal(8, EventJobIds.For("masters", day).Version);
    }
}
