using Microsoft.Extensions.Time.Testing;
using MixFleet.Ingestion.Sqs;

namespace MixFleet.Ingestion.Tests.Sqs;

public sealed class VisibilityExtenderTests
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Extends_EveryHalfVisibilityTimeout_UntilDisposed()
    {
        var time = new FakeTimeProvider();
        var extensions = 0;
        var extender = VisibilityExtender.Start(Visibility, _ => { Interlocked.Increment(ref extensions); return Task.CompletedTask; }, _ => { }, time, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, Volatile.Read(ref extensions));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref extensions) == 1, Bound));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref extensions) == 2, Bound));

        await extender.DisposeAsync();
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, Volatile.Read(ref extensions));
    }

    [Fact]
    public async Task AFailedExtension_IsReported_AndTriedAgainAtTheNextTick()
    {
        var time = new FakeTimeProvider();
        var attempts = 0;
        var failures = new List<Exception>();
        await using var extender = VisibilityExtender.Start(
            Visibility,
            _ => Interlocked.Increment(ref attempts) == 1 ? Task.FromException(new InvalidOperationException("throttled")) : Task.CompletedTask,
            ex => { lock (failures) { failures.Add(ex); } },
            time,
            CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref attempts) == 1, Bound));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref attempts) == 2, Bound));

        lock (failures)
        {
            Assert.Equal("throttled", Assert.Single(failures).Message);
        }
    }
}
